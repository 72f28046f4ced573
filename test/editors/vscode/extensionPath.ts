import { existsSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../support/paths";

export interface ExtensionUnderTest {
  extensionDevelopmentPath: string;
  /** Installed into the fresh profile before code-server starts. */
  vsixFiles: string[];
}

/**
 * Which Unitsmith build the editor tests load:
 * - by default the repository itself (its package.json is the manifest), built by `npm run build`;
 * - with UNITSMITH_VSIX=path, that packaged .vsix, installed like a user would, with a minimal
 *   extension as the development host (the test mechanism needs one);
 * - with UNITSMITH_EXTENSION_PATH=dir, the extension in that folder.
 */
export function extensionUnderTest(): ExtensionUnderTest {
  const vsix = process.env.UNITSMITH_VSIX;
  if (vsix) {
    return { extensionDevelopmentPath: join(__dirname, "fixtures/minimal-extension"), vsixFiles: [vsix] };
  }
  const path = process.env.UNITSMITH_EXTENSION_PATH ?? repoRoot;
  if (path === repoRoot) {
    for (const built of ["client/dist/extension.js", "server/dist/server.js"]) {
      if (!existsSync(join(repoRoot, built))) throw new Error(`${built} is missing: run \`npm run build\` first`);
    }
  }
  return { extensionDevelopmentPath: path, vsixFiles: [] };
}
