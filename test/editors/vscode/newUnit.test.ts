import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { extensionUnderTest } from "./extensionPath";
import { buildAndRunSuite } from "./suiteRun";

test("New Unit, Add a Timer and Add a Socket pass their mocha suite inside code-server", { timeout: 15 * 60_000 }, async () => {
  const result = await buildAndRunSuite({
    entry: join(__dirname, "suite/newUnitIndex.ts"),
    name: "new-unit-suite",
    extension: extensionUnderTest(),
    onOutput: (line) => console.log(`    [code-server] ${line}`),
  });
  assert.equal(result.exitCode, 0, `the suite failed (screenshot: ${result.screenshot})`);
  assert.ok(
    result.output.some((line) => /\d+ passing/.test(line)),
    "mocha's report never arrived",
  );
});
