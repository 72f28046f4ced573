import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { buildAndRunSuite } from "./suiteRun";

const fixture = join(__dirname, "fixtures/minimal-extension");

// Guards the harness itself: a suite that fails inside code-server must fail the run.
test("a failing assertion inside code-server makes the run fail, with mocha's report", { timeout: 15 * 60_000 }, async () => {
  const result = await buildAndRunSuite({
    entry: join(fixture, "failingSuite.ts"),
    name: "harness-check",
    extension: { extensionDevelopmentPath: fixture, vsixFiles: [] },
  });
  assert.equal(result.exitCode, 1);
  const report = result.output.join("\n");
  assert.match(report, /✔ sees the real vscode API/);
  assert.match(report, /1 failing/);
  assert.match(report, /deliberate failure: one folder is open/);
});
