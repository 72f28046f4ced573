import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { runTests, TestRunFailedError, type TestOptions } from "@vscode/test-electron";
import { freshWorkspace } from "../support/workspace";
import { buildSuite } from "./buildSuite";
import { extensionUnderTest } from "./extensionPath";

// @vscode/test-electron's own runTests, pointed at codeShim/code instead of a VS Code build: the
// suite an extension author would run in desktop VS Code runs in code-server, and its result comes
// back through runTests the way desktop VS Code's exit code does.
const shim = join(__dirname, "codeShim/code");
const fixture = join(__dirname, "fixtures/minimal-extension");

/** Runs test-electron's runTests with the shim, keeping what it forwards of the run's output. */
async function runThroughTestElectron(
  options: Omit<TestOptions, "vscodeExecutablePath" | "launchArgs">,
): Promise<{ outcome: PromiseSettledResult<number>; output: string }> {
  const workspace = freshWorkspace();
  // runTests copies the executable's stdout onto this process's stdout; keep a copy to read the report.
  const write = process.stdout.write.bind(process.stdout);
  let output = "";
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    output += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
    return write(chunk, ...rest);
  }) as typeof process.stdout.write;
  try {
    const [outcome] = await Promise.allSettled([
      runTests({ ...options, vscodeExecutablePath: shim, launchArgs: [workspace.path, "--disable-extensions"] }),
    ]);
    return { outcome, output };
  } finally {
    process.stdout.write = write;
    workspace.remove();
  }
}

const extension = extensionUnderTest();

test(
  "runTests from @vscode/test-electron runs the extension's suite in code-server through the shim and resolves 0",
  { timeout: 15 * 60_000, skip: extension.vsixFiles.length > 0 && "UNITSMITH_VSIX: runTests has no way to pass a .vsix" },
  async () => {
    const extensionTestsPath = await buildSuite(join(__dirname, "suite/index.ts"), "test-electron-extension-suite");
    const { outcome, output } = await runThroughTestElectron({
      extensionDevelopmentPath: extension.extensionDevelopmentPath,
      extensionTestsPath,
    });
    assert.equal(outcome.status, "fulfilled", `runTests failed: ${outcome.status === "rejected" ? String(outcome.reason) : ""}`);
    assert.equal(outcome.value, 0);
    assert.match(output, /\d+ passing/, "mocha's report never came through runTests");
    assert.doesNotMatch(output, /\d+ failing/);
  },
);

test("a failing assertion makes runTests reject with the suite's exit code 1", { timeout: 15 * 60_000 }, async () => {
  const built = await buildSuite(join(fixture, "failingSuite.ts"), "test-electron-harness-check");
  // The folder holding index.js, the other form runTests documents for extensionTestsPath.
  const { outcome, output } = await runThroughTestElectron({ extensionDevelopmentPath: fixture, extensionTestsPath: dirname(built) });
  assert.equal(outcome.status, "rejected", "runTests resolved although a test failed");
  assert.ok(outcome.reason instanceof TestRunFailedError, String(outcome.reason));
  assert.equal(outcome.reason.code, 1);
  assert.match(output, /✔ sees the real vscode API/);
  assert.match(output, /1 failing/);
  assert.match(output, /deliberate failure: one folder is open/);
});
