import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, it } from "node:test";

const root = join(__dirname, "../..");

function runSuite(ci: string | undefined) {
  const env = { ...process.env };
  delete env.CI;
  delete env.NODE_TEST_CONTEXT; // set by the runner this test runs in; the nested run reports on its own
  if (ci !== undefined) env.CI = ci;
  return spawnSync(process.execPath, ["scripts/test.mjs", "test/runner/fixtures/skips"], {
    cwd: root,
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("scripts/test.mjs and skipped tests", () => {
  it("with CI=true a skipped test fails the run and is named", () => {
    const result = runSuite("true");
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /2 skipped \(CI=true: a skip fails the run\):\n {2}needs a tool: the tool is not installed\n {2}a suite without its data: no data\n/,
    );
  });

  it("elsewhere the skips are listed and the run passes", () => {
    const result = runSuite(undefined);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /2 skipped:\n {2}needs a tool: the tool is not installed\n/);
  });
});
