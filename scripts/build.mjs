#!/usr/bin/env node
// Bundles the server, the CLI and the VS Code client with esbuild, so neither the .vsix nor the
// published server package needs node_modules at run time.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const common = {
  bundle: true,
  platform: "node",
  target: "node18",
  format: "cjs",
  sourcemap: true,
  logLevel: "warning",
  absWorkingDir: root,
};

await Promise.all([
  build({ ...common, entryPoints: ["server/src/serverMain.ts"], outfile: "server/dist/server.js" }),
  build({ ...common, entryPoints: ["server/src/cliMain.ts"], outfile: "server/dist/cli.js" }),
  build({ ...common, entryPoints: ["client/src/extension.ts"], outfile: "client/dist/extension.js", external: ["vscode"] }),
]);
