import assert from "node:assert/strict";
import { join } from "node:path";
import { extensionUnderTest } from "./extensionPath";
import { buildAndRunSuite } from "./suiteRun";

/** Builds the mocha suite at `entry` (relative to this folder), runs it in code-server, and fails unless it passes. */
export async function expectSuitePasses(entry: string, name: string): Promise<void> {
  const result = await buildAndRunSuite({
    entry: join(__dirname, entry),
    name,
    extension: extensionUnderTest(),
    onOutput: (line) => console.log(`    [code-server] ${line}`),
  });
  assert.equal(result.exitCode, 0, `the suite failed (screenshot: ${result.screenshot})`);
  assert.ok(
    result.output.some((line) => /\d+ passing/.test(line)),
    "mocha's report never arrived",
  );
}
