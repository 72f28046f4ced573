import { activationSuite } from "./activation";
import { diagnosticsSuite } from "./diagnostics";
import { languageIdSuite } from "./languageIds";
import { runMocha } from "./mochaRun";

/** Entry point VS Code calls in the extension host (--extensionTestsPath). */
export function run(): Promise<void> {
  // Activation goes first: it checks the extension is not active before any unit file is open.
  return runMocha(() => {
    activationSuite();
    languageIdSuite();
    diagnosticsSuite();
  });
}
