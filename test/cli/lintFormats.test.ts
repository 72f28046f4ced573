import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

  it("flags directives newer than the version given, and refuses a version that is not one", async () => {
    const old = await unitsmith(["lint", "--systemd-version", "240", "web app.service"], dir);
    assert.match(old.stdout, /web app\.service:3:1: warning: MemoryZSwapMax= needs systemd 2\d\d or newer; systemd 240/);
    const bad = await unitsmith(["lint", "--systemd-version", "latest", "web app.service"], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--systemd-version takes a version such as 252, or auto/);
  });
});
