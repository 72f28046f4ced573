// Runs a mocha suite inside code-server and exits with its result (0: every test passed).
//   node --import tsx test/editors/vscode/runSuite.ts [SUITE_ENTRY.ts]
// The default entry is suite/index.ts, against the extension extensionPath.ts picks
// (the built repository, UNITSMITH_VSIX or UNITSMITH_EXTENSION_PATH).
import { basename, join, resolve } from "node:path";
import { extensionUnderTest } from "./extensionPath";
import { buildAndRunSuite } from "./suiteRun";

const entry = resolve(process.argv[2] ?? join(__dirname, "suite/index.ts"));
const name = process.argv[2] ? basename(entry, ".ts") : "extension-suite";

buildAndRunSuite({ entry, name, extension: extensionUnderTest(), onOutput: (line) => console.log(line) }).then(
  (result) => {
    console.log(`exit code ${result.exitCode}; screenshot ${result.screenshot}`);
    process.exit(result.exitCode);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
