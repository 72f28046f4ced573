// Stands in for the VS Code executable: takes the command line of an extension-test run, runs that
// suite in code-server through the harness, and exits with the suite's result (0: every test passed,
// 1: a test failed or the run did not finish, 2: a command line the harness cannot run).
import { fstatSync, type Stats } from "node:fs";
import { basename, dirname } from "node:path";
import { withTimeout } from "../../support/processes";
import { freshWorkspace } from "../../support/workspace";
import { runExtensionTests } from "../runExtensionTests";
import { parseCodeArguments, UsageError, type CodeLaunch } from "./codeArguments";

// The whole run, code-server's start included; the harness's own steps each have a shorter limit.
const runDeadlineMs = 10 * 60_000;

async function main(args: string[]): Promise<number> {
  let launch: CodeLaunch;
  let extensionTestsPath: string;
  try {
    launch = parseCodeArguments(args, process.cwd());
    extensionTestsPath = suiteModule(launch.extensionTestsPath);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`code shim: ${error.message}`);
    return 2;
  }
  if (launch.unknown.length > 0) console.error(`code shim: ignoring options it does not know: ${launch.unknown.join(" ")}`);

  // VS Code opens an empty window without a folder; the harness always opens one, so it gets an empty one.
  const workspace = launch.folder === undefined ? freshWorkspace() : { path: launch.folder, remove: () => undefined };
  try {
    const result = await withTimeout(
      runExtensionTests({
        name: `code-shim-${basename(dirname(extensionTestsPath))}`,
        extensionDevelopmentPath: launch.extensionDevelopmentPath,
        extensionTestsPath,
        folder: workspace.path,
        onOutput: (line) => console.log(line),
      }),
      runDeadlineMs,
      "code shim",
    );
    console.log(`code shim: exit code ${result.exitCode}; screenshot ${result.screenshot}`);
    return result.exitCode;
  } finally {
    workspace.remove();
  }
}

/** The file VS Code would load for --extensionTestsPath: it `require`s the path, so a folder means its index.js. */
function suiteModule(path: string): string {
  try {
    return require.resolve(path);
  } catch {
    throw new UsageError(`--extensionTestsPath: no module at ${path}`);
  }
}

/**
 * Stops the run when the process that started the shim goes away. test-electron keeps a pipe on the
 * shim's stdin for as long as it waits, and the pipe closes when that process dies however it dies;
 * exiting then lets the harness's exit handlers stop code-server and Chromium.
 */
function exitWhenStdinCloses(): void {
  let stdin: Stats;
  try {
    stdin = fstatSync(0);
  } catch {
    return;
  }
  if (!stdin.isFIFO() && !stdin.isSocket()) return;
  const stop = (): void => {
    console.error("code shim: stdin closed (whoever started the run has gone); stopping");
    process.exit(1);
  };
  process.stdin.once("end", stop);
  process.stdin.once("error", stop);
  process.stdin.resume();
}

exitWhenStdinCloses();
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
