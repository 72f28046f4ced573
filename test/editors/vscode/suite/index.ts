import { activationSuite } from "./activation";
import { commandsSuite } from "./commands";
import { completionSuite } from "./completion";
import { definitionSuite } from "./definition";
import { diagnosticsSuite } from "./diagnostics";
import { formattingSuite } from "./formatting";
import { hoverSuite } from "./hover";
import { languageIdSuite } from "./languageIds";
import { navigationSuite } from "./navigation";
import { runMocha } from "./mochaRun";
import { quickFixSuite } from "./quickFix";
import { serverRestartSuite } from "./serverRestart";
import { virtualFilesSuite } from "./virtualFiles";

/** Entry point VS Code calls in the extension host (--extensionTestsPath). */
export function run(): Promise<void> {
  // Activation goes first: it checks the extension is not active before any unit file is open.
  return runMocha(() => {
    activationSuite();
    languageIdSuite();
    diagnosticsSuite();
    completionSuite();
    hoverSuite();
    quickFixSuite();
    formattingSuite();
    definitionSuite();
    navigationSuite();
    commandsSuite();
    virtualFilesSuite();
    // Last: it kills the language server.
    serverRestartSuite();
  });
}
