import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { describe, it } from "node:test";
import { detectInstalledSystemd } from "../../src/systemd/installedSystemd";
import { parseTargetList, targetSystemdOf } from "../../src/language/targets/targetList";
import type { TargetSystemd } from "../../src/language/rules/rule";
import { atCursor, testService } from "../service";
import { codes, lint } from "../rules/lint";
import { installedUnitFiles } from "../language/installedUnitFiles";

/** The target a list such as "debian-12,ubuntu-24.04" names. */
function target(list: string): TargetSystemd {
  const parsed = parseTargetList(list);
  assert.ok("targets" in parsed, `${list} is a target list`);
  return targetSystemdOf(parsed.targets);
}

const VERSION_RULES = ["newer-directive", "newer-value", "removed-directive", "removed-value"];

describe("target lists", () => {
  it("read versions and distributions, and refuse anything else", () => {
    assert.deepEqual(target("debian-12, 255"), {
      version: 252,
      targets: [
        { name: "debian-12", systemd: 252, podman: "4.3.1" },
        { name: "systemd 255", systemd: 255 },
      ],
    });
    assert.deepEqual(parseTargetList("debian-12,debian-13"), { unknown: "debian-13" });
    assert.deepEqual(parseTargetList(""), { unknown: "" });
    assert.equal(target("arch").version, 262);
  });
});

describe("values newer than the target", () => {
  it("flag an enum value added after the target, naming the targets that lack it", () => {
    const text = "[Service]\nType=notify-reload\nExecStart=/bin/true\n";
    assert.deepEqual(lint("a.service", text, target("rhel-9")), [
      "2:newer-value Type=notify-reload needs systemd 253; rhel-9 has 252, where systemd ignores the line.",
    ]);
    assert.deepEqual(codes("a.service", text, target("253")), []);
    assert.deepEqual(codes("a.service", text, target("ubuntu-24.04")), []);
  });

  it("name every target that fails, and only those", () => {
    const text = "[Service]\nExecStart=/bin/true\nPrivateTmp=disconnected\nType=exec\n";
    assert.deepEqual(lint("a.service", text, target("debian-12,ubuntu-24.04,fedora-41,arch")), [
      "3:newer-value PrivateTmp=disconnected needs systemd 257; debian-12 has 252, ubuntu-24.04 has 255, fedora-41 has 256, where systemd ignores the line.",
    ]);
    // Type=exec (240) comes from the hand-kept overlay: the history read from sources starts later.
    assert.deepEqual(lint("a.service", text, target("239,257")).slice(1), [
      "4:newer-value Type=exec needs systemd 240; the target is systemd 239, where systemd ignores the line.",
    ]);
  });

  it("flag an exec prefix added after the target, on the prefix itself", () => {
    const text = "[Service]\nExecStart=|echo hello\nExecStartPre=-+/bin/true\n";
    const found = lint("a.service", text, target("ubuntu-24.04"));
    assert.deepEqual(found, [
      '2:newer-value The "|" prefix of ExecStart= needs systemd 258; ubuntu-24.04 has 255, where systemd ignores the line.',
    ]);
    assert.deepEqual(codes("a.service", text, target("230")), ["2:newer-value", "3:newer-value"]);
    assert.deepEqual(codes("a.service", text, target("258")), []);
  });

  it("flag a directive added after the target", () => {
    const text = "[Service]\nExecStart=/bin/true\nExitType=cgroup\n";
    assert.deepEqual(lint("a.service", text, target("ubuntu-22.04")), [
      "3:newer-directive ExitType= needs systemd 250 or newer; ubuntu-22.04 has 249, which ignores it as unknown.",
    ]);
    assert.deepEqual(codes("a.service", text, target("debian-12")), []);
  });
});

describe("values removed before the target", () => {
  it("flag an exec prefix systemd stopped honouring, only where a target runs that release", () => {
    const text = "[Service]\nExecStart=!!/usr/bin/app\n";
    assert.deepEqual(codes("a.service", text, target("debian-12")), []);
    const [finding] = lint("a.service", text, target("debian-12,258"));
    assert.match(finding!, /^2:removed-value The "!!" prefix of ExecStart= has no effect since systemd 258; the target is systemd 258\./);
    // With no target set, the newest release is what the file is judged against.
    assert.deepEqual(codes("a.service", text), ["2:removed-value"]);
  });

  it("flag a directive removed before the target, and call it deprecated where every target still honours it", () => {
    const text = "[Service]\nExecStart=/bin/true\nMemoryLimit=1G\n";
    assert.match(
      lint("a.service", text, target("arch"))[0]!,
      /^3:removed-directive MemoryLimit= no longer has any effect since systemd 258 \(arch has 262\)/,
    );
    assert.match(
      lint("a.service", text, target("debian-12"))[0]!,
      /^3:deprecated-directive MemoryLimit= is deprecated: systemd 258 ignores it/,
    );
  });
});

describe("the units installed on this machine", () => {
  it("have no version finding when the target is this machine's systemd", async () => {
    const installed = await detectInstalledSystemd();
    assert.ok(installed.version, "systemctl --version answers");
    const machine = target(String(installed.version));
    const files = installedUnitFiles();
    for (const path of files) {
      const found = lint(path, await readFile(path, "utf8"), machine).filter((row) =>
        VERSION_RULES.includes(row.split(" ")[0]!.split(":")[1]!),
      );
      assert.deepEqual(found, [], path);
    }
    assert.ok(files.length > 100, `${files.length} installed unit files read`);
  });
});

describe("completion of values", () => {
  it("marks each value with the systemd that added it, and says which targets lack it", async () => {
    const { document, position } = atCursor("/srv/a.service", "[Service]\nType=|");
    const service = testService({}, { target: target("debian-12") });
    const items = await service.completion(document, position);
    const reload = items.find((item) => item.label === "notify-reload")!;
    assert.deepEqual(reload.labelDetails, { description: "systemd 253+" });
    assert.match(reload.detail ?? "", /Needs systemd 253; debian-12 has 252\./);
    const simple = items.find((item) => item.label === "simple")!;
    assert.equal(simple.labelDetails, undefined);
    assert.ok(reload.sortText! > simple.sortText!, "values every target has come first");
  });
});
