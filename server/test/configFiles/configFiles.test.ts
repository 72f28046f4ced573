import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CompletionItem } from "vscode-languageserver-types";
import { atCursor, documentOf, testService } from "../service";

const JOURNALD_DROP_IN = "/etc/systemd/journald.conf.d/50-size.conf";
const NSPAWN = "/etc/systemd/nspawn/web.nspawn";

async function complete(path: string, text: string): Promise<string[]> {
  const { document, position } = atCursor(path, text);
  return (await testService().completion(document, position)).map((i: CompletionItem) => i.label);
}

async function hover(path: string, text: string): Promise<string> {
  const { document, position } = atCursor(path, text);
  const result = await testService().hover(document, position);
  return result ? (result.contents as { value: string }).value : "";
}

async function problems(path: string, text: string): Promise<string[]> {
  const diagnostics = await testService().diagnostics(documentOf(path, text));
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}`);
}

describe("systemd's own configuration files", () => {
  it("offer their sections and keys, not a unit's", async () => {
    assert.deepEqual(await complete(JOURNALD_DROP_IN, "[|"), ["[Journal]"]);
    const keys = await complete(JOURNALD_DROP_IN, "[Journal]\nSystem|");
    assert.ok(keys.includes("SystemMaxUse"), keys.join());
    assert.ok(!keys.includes("ExecStart"));
    assert.deepEqual(await complete(NSPAWN, "[|"), ["[Exec]", "[Files]", "[Network]"]);
    assert.ok((await complete("/etc/systemd/logind.conf", "[Login]\nHandleLid|")).includes("HandleLidSwitch"));
  });

  it("offer the words of an enum key", async () => {
    assert.deepEqual(await complete(JOURNALD_DROP_IN, "[Journal]\nStorage=|"), ["auto", "volatile", "persistent", "none"]);
  });

  it("hover a key with its kind of value, version and man page", async () => {
    const text = await hover(JOURNALD_DROP_IN, "[Journal]\nSystemMax|Use=1G\n");
    assert.match(text, /\*\*SystemMaxUse=\*\* in `\[Journal\]`/);
    assert.match(text, /journald\.conf\(5\)/);
    assert.match(await hover(NSPAWN, "[Exec]\nSuppress|Sync=yes\n"), /systemd 250/);
  });

  it("report unknown keys and sections and values the daemon cannot read", async () => {
    const text = "[Journal]\nStorage=persistant\nSystemMaxUse=12Q\nMaxUse=1G\nCompress=yes\n[Service]\nType=simple\n";
    assert.deepEqual(await problems(JOURNALD_DROP_IN, text), [
      "2:invalid-value",
      "3:invalid-value",
      "4:unknown-directive",
      "6:unknown-section",
    ]);
    assert.deepEqual(await problems(NSPAWN, "[Exec]\nBoot=yes\nPrivateUsers=pick\n[Network]\nVirtualEthernet=maybe\n"), [
      "5:invalid-value",
    ]);
    assert.deepEqual(await problems("/etc/systemd/system.conf", "[Manager]\nDefaultTimeoutStopSec=10s\nDefaultRestartSec=soon\n"), [
      "3:invalid-value",
    ]);
  });

  it("format like unit files", async () => {
    const document = documentOf(NSPAWN, "[Exec]\nBoot = yes\n\n\n[Network]\nPrivate=yes\n");
    assert.equal(await testService().formattedText(document), "[Exec]\nBoot=yes\n\n[Network]\nPrivate=yes\n");
  });
});

describe("build templates", () => {
  it("are read as the file underneath, placeholders left alone", async () => {
    const unit = [
      "[Unit]",
      "Description=@PACKAGE_NAME@ daemon",
      "{% if with_network %}",
      "After=network-online.target",
      "{% endif %}",
      "[Service]",
      "ExecStart=@bindir@/food {{ extra_args }}",
      "Restart=<%= restart %>",
      "TimeoutStopSec={{ stop_timeout }}",
      "Restart2=always",
      "Type=bogus",
      "",
    ].join("\n");
    assert.deepEqual(await problems("units/food.service.in", unit), ["10:unknown-directive", "11:invalid-value"]);
  });

  it("check a templated configuration file like the real one", async () => {
    const text = "[Journal]\nSystemMaxUse={{ journal_max }}\nStorage=persistant\n";
    assert.deepEqual(await problems("roles/log/templates/journald.conf.j2", text), ["3:invalid-value"]);
  });

  it("complete and hover in a template as in the file underneath", async () => {
    assert.ok((await complete("units/food.service.in", "[Service]\nExec|")).includes("ExecStart"));
    assert.match(await hover("units/food.service.in", "[Service]\nRest|art=<%= restart %>\n"), /\*\*Restart=\*\*/);
  });
});

describe("systemd's own configuration files across releases", () => {
  it("know the keys of the newest systemd, each with the release that added it", async () => {
    const logind = "/etc/systemd/logind.conf.d/50-wall.conf";
    const text = "[Login]\nWallMessages=no\n";
    assert.deepEqual(await problems(logind, text), []);
    const onDebian = await testService({}, { target: { version: 252 } }).diagnostics(documentOf(logind, text));
    assert.deepEqual(
      onDebian.map((d) => `${d.range.start.line + 1}:${d.code} ${d.message}`),
      ["2:newer-directive WallMessages= needs systemd 258 or newer; the target is systemd 252, which ignores it as unknown."],
    );
    assert.ok((await complete("/etc/systemd/system.conf", "[Manager]\nMinimumUp|")).includes("MinimumUptimeSec"));
  });

  it("say a setting that systemd 258 ignores is only on its way out while every target is older", async () => {
    const text = "[Manager]\nDefaultCPUAccounting=yes\n";
    const codes = async (version: number) =>
      (await testService({}, { target: { version } }).diagnostics(documentOf("/etc/systemd/system.conf", text))).map((d) => d.code);
    assert.deepEqual(await codes(252), ["deprecated-directive"]);
    assert.deepEqual(await codes(258), ["removed-directive"]);
  });
});
