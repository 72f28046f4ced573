import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { parseCatFiles } from "../../src/systemd/catOutput";
import { parseListUnitFiles, parseListUnitsNames } from "../../src/systemd/listOutput";
import { parseSecurityJson } from "../../src/systemd/securityOutput";
import { parseShowOutput } from "../../src/systemd/showOutput";
import { unitStateFromShow } from "../../src/systemd/unitState";

const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name), "utf8");
const stateOf = (name: string) => unitStateFromShow(parseShowOutput(fixture(name))[0]!);

describe("systemctl show", () => {
  test("a running, enabled unit", () => {
    assert.deepEqual(stateOf("show-running.txt"), {
      unit: "demo.service",
      description: "Demo sleeper",
      loadState: "loaded",
      activeState: "active",
      subState: "running",
      unitFileState: "enabled",
      run: "running",
      failed: false,
      enablement: "enabled",
      found: true,
      fragmentPath: "/etc/systemd/system/demo.service",
      dropInPaths: [],
      needsDaemonReload: false,
    });
  });

  test("a failed static unit counts as stopped, failed and static", () => {
    const state = stateOf("show-failed.txt");
    assert.deepEqual([state.run, state.failed, state.enablement, state.unitFileState], ["stopped", true, "static", "static"]);
  });

  test("a unit that does not exist is not found and has no enablement", () => {
    const state = stateOf("show-not-found.txt");
    assert.deepEqual([state.found, state.enablement, state.fragmentPath, state.loadState], [false, undefined, undefined, "not-found"]);
  });

  test("an instance points at its template's file", () => {
    const state = stateOf("show-instance.txt");
    assert.deepEqual(
      [state.unit, state.fragmentPath, state.enablement],
      ["tpl@one.service", "/etc/systemd/system/tpl@.service", "disabled"],
    );
  });

  test("several units come as blank-line separated blocks; a refused name prints no block", () => {
    assert.deepEqual(
      parseShowOutput(fixture("show-several.txt")).map((record) => record.Id),
      ["demo.service", "broken.service", "missing.service"],
    );
  });

  test("values keep their own = signs and spaces; drop-ins are split", () => {
    const [record] = parseShowOutput(
      "Id=a.service\nDescription=x = y\nDropInPaths=/etc/a.d/1.conf /run/a.d/2.conf\nNeedDaemonReload=yes\n",
    );
    const state = unitStateFromShow(record!);
    assert.equal(state.description, "x = y");
    assert.deepEqual(state.dropInPaths, ["/etc/a.d/1.conf", "/run/a.d/2.conf"]);
    assert.equal(state.needsDaemonReload, true);
  });
});

describe("systemctl list-units and list-unit-files", () => {
  test("names from list-units, escapes and all", () => {
    const names = parseListUnitsNames(fixture("list-units.txt"));
    assert.ok(names.includes("demo.service"));
    assert.ok(names.includes("-.mount"));
    assert.ok(names.includes("run-credentials-systemd\\x2dsysctl.service.mount"));
    assert.ok(names.includes("home.mount"), "a not-found unit listed by --all");
    assert.equal(names.length, fixture("list-units.txt").trim().split("\n").length);
  });

  test("unit files with their state", () => {
    const files = parseListUnitFiles(fixture("list-unit-files.txt"));
    assert.deepEqual(
      files.filter((file) => ["demo.service", "tpl@.service", "broken.service", "autovt@.service"].includes(file.name)),
      [
        { name: "autovt@.service", state: "masked" },
        { name: "broken.service", state: "static" },
        { name: "demo.service", state: "enabled" },
        { name: "tpl@.service", state: "disabled" },
      ],
    );
  });
});

describe("systemctl cat", () => {
  test("the unit file of a unit without drop-ins", () => {
    assert.deepEqual(parseCatFiles(fixture("cat.txt")), ["/etc/systemd/system/demo.service"]);
  });

  test("a unit file and its drop-ins; a path-like comment inside a file is not a file", () => {
    const text = [
      "# /etc/systemd/system/demo.service",
      "[Service]",
      "# /usr/bin/demo is the daemon",
      "ExecStart=/usr/bin/demo",
      "",
      "# /etc/systemd/system/demo.service.d/override.conf",
      "[Service]",
      "Environment=A=1",
    ].join("\n");
    assert.deepEqual(parseCatFiles(text), ["/etc/systemd/system/demo.service", "/etc/systemd/system/demo.service.d/override.conf"]);
  });
});

describe("systemd-analyze security --json=short", () => {
  test("every check with its verdict and exposure", () => {
    const parsed = parseSecurityJson(fixture("security.json"));
    assert.ok(parsed.ok);
    const byId = new Map(parsed.findings.map((finding) => [finding.id, finding]));
    assert.deepEqual(byId.get("PrivateTmp="), {
      id: "PrivateTmp=",
      description: "Service has no access to other software's temporary files",
      set: true,
      exposure: null,
    });
    assert.deepEqual(byId.get("NoNewPrivileges="), {
      id: "NoNewPrivileges=",
      description: "Service processes may acquire new privileges",
      set: false,
      exposure: 0.2,
    });
    assert.equal(byId.get("SupplementaryGroups=")?.set, null);
    assert.ok(byId.has("CapabilityBoundingSet=~CAP_SYS_ADMIN"));
  });

  test("text that is not the JSON list is a clear failure", () => {
    assert.deepEqual(parseSecurityJson(""), {
      ok: false,
      message: "systemd-analyze security did not print JSON (it needs systemd 250 or later)",
    });
    assert.equal(parseSecurityJson('{"a":1}').ok, false);
  });
});
