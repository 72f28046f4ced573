import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { unitsmith } from "./run";

describe("unitsmith lint --format sarif and --systemd-version", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "unitsmith-sarif-"));
    writeFileSync(join(dir, "web app.service"), "[Service]\nExecStart=/usr/bin/true\nMemoryZSwapMax=1G\nExecStrat=/usr/bin/true\n");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("writes SARIF 2.1.0 whose results name rules the driver declares, at 1-based positions", async () => {
    const result = await unitsmith(["lint", "--format", "sarif", "web app.service"], dir);
    assert.equal(result.code, 1);
    const sarif = JSON.parse(result.stdout);
    assert.equal(sarif.version, "2.1.0");
    const [run] = sarif.runs;
    assert.equal(run.tool.driver.name, "unitsmith");
    const ruleIds = new Set(run.tool.driver.rules.map((r: { id: string }) => r.id));
    assert.deepEqual(
      run.results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level]),
      [["unknown-directive", "error"]],
    );
    for (const r of run.results) assert.ok(ruleIds.has(r.ruleId), r.ruleId);
    const location = run.results[0].locations[0].physicalLocation;
    assert.equal(location.artifactLocation.uri, "web%20app.service");
    assert.deepEqual(location.region, { startLine: 4, startColumn: 1, endLine: 4, endColumn: 10 });
  });

  it("describes each rule with its page, its full description and its default level, and carries the quick fix", async () => {
    const sarif = JSON.parse((await unitsmith(["lint", "--format", "sarif", "web app.service"], dir)).stdout);
    const [run] = sarif.runs;
    for (const rule of run.tool.driver.rules) {
      assert.match(readFileSync(fileURLToPath(rule.helpUri), "utf8"), new RegExp(`^# \`${rule.id}\``), rule.id);
      assert.ok(rule.fullDescription.text.length > rule.shortDescription.text.length, rule.id);
      assert.match(rule.defaultConfiguration.level, /^(error|warning|note)$/);
    }
    const unknown = run.tool.driver.rules.find((rule: { id: string }) => rule.id === "unknown-directive");
    assert.match(unknown.fullDescription.text, /systemd logs "Unknown key name" and ignores the line/);
    const [fix] = run.results[0].fixes;
    assert.equal(fix.description.text, "Change to ExecStart=");
    assert.deepEqual(fix.artifactChanges[0].replacements, [
      { deletedRegion: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 10 }, insertedContent: { text: "ExecStart" } },
    ]);
  });

  it("flags directives newer than the version given, and refuses a version that is not one", async () => {
    const old = await unitsmith(["lint", "--systemd-version", "240", "web app.service"], dir);
    assert.match(old.stdout, /web app\.service:3:1: warning: MemoryZSwapMax= needs systemd 2\d\d or newer; the target is systemd 240/);
    const bad = await unitsmith(["lint", "--systemd-version", "latest", "web app.service"], dir);
    assert.equal(bad.code, 2);
    assert.match(
      bad.stderr,
      /--target takes versions such as 252 and distributions \(debian-12, .*\), separated by commas, or auto; not "latest"/,
    );
  });

  it("--target takes several systems and says which of them each finding fails on", async () => {
    writeFileSync(join(dir, "reload.service"), "[Service]\nType=notify-reload\nExecStart=|/usr/bin/web\n");
    const both = await unitsmith(["lint", "--target", "debian-12,ubuntu-24.04", "reload.service"], dir);
    assert.equal(
      both.stdout,
      [
        "reload.service:2:6: warning: Type=notify-reload needs systemd 253; debian-12 has 252, where systemd ignores the line. [newer-value]",
        'reload.service:3:11: warning: The "|" prefix of ExecStart= needs systemd 258; debian-12 has 252, ubuntu-24.04 has 255, where systemd ignores the line. [newer-value]',
        "",
      ].join("\n"),
    );
    const newest = await unitsmith(["lint", "--target", "arch", "reload.service"], dir);
    assert.equal(newest.stdout, "");
    const twice = await unitsmith(["lint", "--target", "252", "--systemd-version", "252", "reload.service"], dir);
    assert.equal(twice.code, 2);
  });
});

describe("unitsmith lint with a project file", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "unitsmith-project-"));
    mkdirSync(join(dir, "units/vendor"), { recursive: true });
    writeFileSync(join(dir, ".unitsmith.json"), JSON.stringify({ rules: { "duplicate-directive": "error" }, ignore: ["vendor"] }));
    writeFileSync(join(dir, "units/web.service"), "[Service]\nExecStart=/usr/bin/web\nRestart=always\nRestart=no\n");
    writeFileSync(join(dir, "units/vendor/odd.service"), "[Service]\nFoo=1\n");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("applies the nearest project file above each file, and the flags win over it", async () => {
    const linted = await unitsmith(["lint", "units"], dir);
    assert.equal(linted.code, 1);
    assert.match(linted.stdout, /^units\/web\.service:3:1: error: .* \[duplicate-directive\]\n$/);
    const minimal = await unitsmith(["lint", "--profile", "minimal", "units"], dir);
    assert.deepEqual([minimal.code, minimal.stdout], [0, ""]);
    const bad = await unitsmith(["lint", "--profile", "lenient", "units"], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown profile "lenient"; expected minimal, default, strict/);
  });

  it("reports a broken project file on each unit it would apply to", async () => {
    writeFileSync(join(dir, "units/.unitsmith.json"), "{ not json");
    const linted = await unitsmith(["lint", "units/web.service"], dir);
    assert.match(
      linted.stdout,
      /^units\/web\.service:1:1: error: The project file .*units\/\.unitsmith\.json is not applied: it is not valid JSON/,
    );
    rmSync(join(dir, "units/.unitsmith.json"));
  });
});
