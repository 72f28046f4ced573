import { freshWorkspace } from "../support/workspace";
import { buildSuite } from "./buildSuite";
import type { ExtensionUnderTest } from "./extensionPath";
import { runExtensionTests, type ExtensionTestResult } from "./runExtensionTests";

/** Bundles a mocha suite entry and runs it in code-server against `extension`, in a fresh empty workspace. */
export async function buildAndRunSuite(options: {
  entry: string;
  name: string;
  extension: ExtensionUnderTest;
  onOutput?: (line: string) => void;
}): Promise<ExtensionTestResult> {
  const extensionTestsPath = await buildSuite(options.entry, options.name);
  const workspace = freshWorkspace();
  try {
    return await runExtensionTests({
      name: options.name,
      ...options.extension,
      extensionTestsPath,
      folder: workspace.path,
      onOutput: options.onOutput,
    });
  } finally {
    workspace.remove();
  }
}
