// hwdb, sysctl.d, preset and environment.d lines checked by Unitsmith and by the programs that read them here.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DiagnosticSeverity } from "vscode-languageserver-types";
import { createPathLister } from "../../src/workspace/fileSystemProbes";
import { documentOf, testService } from "../service";
import { environmentOracle, flaggedLines, hwdbOracle, installedSystemdVersion, presetOracle, sysctlOracle } from "./oracle";

const version = installedSystemdVersion();

describe("hwdb against systemd-hwdb update", () => {
  const cases: [string, string][] = [
    ["a record", "evdev:input:b0003v05ACp*\n KEYBOARD_KEY_70039=leftctrl\n"],
    ["two matches for one record", "mouse:usb:v046dp4001:*\nmouse:usb:v046dp4002:*\n MOUSE_DPI=800@125\n"],
    ["a property with no match before it", "\n KEYBOARD_KEY_1=a\n"],
    ["a match with no properties", "evdev:name:x*\n\nevdev:name:y*\n KEY=1\n"],
    ["a match right after the properties", "evdev:name:y*\n KEY=1\nevdev:name:z*\n KEY=2\n"],
    ["a property without =", "mouse:*\n novalue\n"],
    ["a property without a key", "mouse:*\n =empty\n"],
    ["a property indented by a tab, which is a match", "mouse:*\n\tMOUSE_DPI=400\n"],
    ["comments between records", "# one\nmouse:*\n MOUSE_DPI=400\n\n# two\nevdev:*\n KEY=1\n"],
  ];
  for (const [name, text] of cases) {
    it(name, async () => {
      const oracle = hwdbOracle(text);
      assert.deepEqual(await flaggedLines("/etc/udev/hwdb.d/50-case.hwdb", text, version), oracle.lines, oracle.output);
    });
  }
});

describe("sysctl.d against systemd-sysctl", () => {
  const cases: [string, string][] = [
    ["an assignment", "net.ipv4.ip_forward = 1\n"],
    ["slashes for dots", "net/ipv4/ip_forward=1\n"],
    ["a failure that may be ignored", "-vm.swappiness = 10\n"],
    ["a key kept out of globs", "-net.ipv4.conf.lo.forwarding\n"],
    ["a line without =", "vm.swappiness 10\n"],
    ["comments of both kinds", "# a\n; b\nvm.swappiness=10\n"],
  ];
  for (const [name, text] of cases) {
    it(name, async () => {
      const oracle = sysctlOracle(text);
      assert.deepEqual(await flaggedLines("/etc/sysctl.d/50-case.conf", text, version, true), oracle.lines, oracle.output);
    });
  }
});

describe("sysctl.d keys against this machine's /proc/sys", () => {
  // This machine's listings, as the Node host reads them.
  const service = testService({ listDirectory: createPathLister() });

  it("hints at a key its /proc/sys directory lacks, and judges no key it cannot know", async () => {
    const text = [
      "kernel.pid_max = 4194304",
      "kernel.pid_maxx = 1",
      "-kernel.no_such_key = 1",
      "net.ipv4.conf.*.rp_filter = 2",
      "unitsmith.module.key = 1",
      "vm/swapiness = 10",
      "",
    ].join("\n");
    const diagnostics = await service.diagnostics(documentOf("/etc/sysctl.d/50-case.conf", text));
    assert.deepEqual(
      diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}:${d.severity}`),
      [`2:unknown-sysctl-key:${DiagnosticSeverity.Hint}`, `6:unknown-sysctl-key:${DiagnosticSeverity.Hint}`],
    );
    assert.match(String(diagnostics[0]!.message), /no \/proc\/sys\/kernel\/pid_maxx on this machine/);
  });
});

describe("presets against systemctl preset", () => {
  const cases: [string, string][] = [
    ["enable and disable", "enable case.service\ndisable *\n"],
    ["a misspelt verb", "enabel case.service\n"],
    ["a template with instances", "enable getty@.service tty1 tty2\n"],
    ["instances for a unit that is no template", "enable case.service tty1\n"],
    ["ignore", "ignore case.service\n"],
    ["comments of both kinds", "# a\n; b\nenable case.service\n"],
  ];
  for (const [name, text] of cases) {
    it(name, async () => {
      const oracle = presetOracle(text);
      assert.deepEqual(
        await flaggedLines("/usr/lib/systemd/system-preset/50-case.preset", text, version, true),
        oracle.lines,
        oracle.output,
      );
    });
  }
});

describe("environment.d against systemd's environment.d generator", () => {
  // [name, text, the variable the line sets, or none where it sets nothing]
  const cases: [string, string, string][] = [
    ["an assignment", "EDITOR=vim\n", "EDITOR"],
    ["spaces around =", "EDITOR = vim\n", "EDITOR"],
    ["a quoted value", 'GREETING="hello world"\n', "GREETING"],
    ["an expansion", "MY_PATH=/opt/bin:${PATH}\n", "MY_PATH"],
    ["a name that starts with a digit", "1EDITOR=vim\n", "1EDITOR"],
    ["a line without =", "EDITOR\n", "EDITOR"],
    ["a value continued on the next line", "LONG=a\\\nb\n", "LONG"],
  ];
  for (const [name, text, variable] of cases) {
    it(name, async () => {
      const set = environmentOracle(text).has(variable);
      const flagged = await flaggedLines("/etc/environment.d/50-case.conf", text, version, true);
      assert.equal(
        flagged.length === 0,
        set,
        `the generator ${set ? "sets" : "does not set"} ${variable}; Unitsmith flags lines ${flagged.join(", ")}`,
      );
    });
  }
});

describe("binfmt.d completion", () => {
  it("replaces the field being typed, not the fields before it, so an editor's filter keeps the words", async () => {
    const text = ":arm:E";
    const items = await testService().completion(documentOf("/etc/binfmt.d/arm.conf", text), { line: 0, character: text.length });
    const e = items.find((item) => item.label === "E");
    assert.deepEqual(e?.textEdit && "range" in e.textEdit && e.textEdit.range.start, { line: 0, character: 5 });
  });
});
