import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { describe, it } from "node:test";
import { fileSchemaFor } from "../../src/language/schema/fileSchema";
import { unitKind } from "../../src/language/unitKind";
import { detectInstalledSystemd, parseConfigurationItems, parseSystemctlVersion } from "../../src/systemd/installedSystemd";
import { TargetResolver } from "../../src/lsp/targetSystemd";
import { defaultSettings } from "../../src/settings/settings";

describe("the installed systemd", () => {
  it("reads the version line of systemctl --version", () => {
    assert.equal(parseSystemctlVersion("systemd 252 (252.38-1~deb12u1)\n+PAM +AUDIT\n"), 252);
    assert.equal(parseSystemctlVersion("garbage"), undefined);
  });

  it("reads --dump-configuration-items into sections", () => {
    const items = parseConfigurationItems("[Unit]\nDescription=STRING\nAfter=UNIT [...]\n[Service]\nExecStart=COMMAND\n");
    assert.deepEqual([...items.get("Unit")!], ["Description", "After"]);
    assert.deepEqual([...items.get("Service")!], ["ExecStart"]);
  });

  it("is detected on this machine, and every item it accepts is in the bundled data", async (t) => {
    if (!existsSync("/usr/lib/systemd/systemd")) {
      t.skip("no /usr/lib/systemd/systemd on this machine");
      return;
    }
    const target = await detectInstalledSystemd();
    assert.ok(target.version && target.version >= 240, `version ${target.version}`);
    assert.ok(target.knownItems && target.knownItems.size >= 10);
    const service = fileSchemaFor(unitKind("x.service"))!;
    const serviceItems = target.knownItems.get("Service")!;
    for (const name of serviceItems) assert.ok(service.directive("Service", name), `bundled data lacks [Service] ${name}=`);
  });

  it("is not asked when processes may not run or when the settings name a version", async () => {
    const resolver = new TargetResolver();
    assert.deepEqual(await resolver.resolve(defaultSettings, false), {});
    assert.deepEqual(await resolver.resolve({ ...defaultSettings, systemdVersion: "247" }, true), {
      version: 247,
      targets: [{ name: "systemd 247", systemd: 247 }],
    });
  });
});
