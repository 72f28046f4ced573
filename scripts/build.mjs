#!/usr/bin/env node
// Bundles the server, the CLI and the VS Code client with esbuild, so neither the .vsix nor the
// published server package needs node_modules at run time.
import { build } from "esbuild";
import { cp, readFile } from "node:fs/promises";
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

// V8 reads a JSON string much faster than the same data as a JavaScript object literal, and the
// knowledge base is large: bundling it as JSON.parse("...") shortens the server's start.
const jsonAsString = {
  name: "json-as-string",
  setup(builder) {
    builder.onLoad({ filter: /\.json$/ }, async ({ path }) => {
      const text = await readFile(path, "utf8");
      return { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(text)))});`, loader: "js" };
    });
  },
};

// The browser bundles run in a web worker: an import of a Node built-in, from our code or a
// dependency's, fails the build and names the file that asked for it.
const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const noNodeBuiltins = {
  name: "no-node-builtins",
  setup(builder) {
    builder.onResolve({ filter: /.*/ }, ({ path, importer }) => {
      if (!nodeBuiltins.has(path.replace(/\/.*$/, ""))) return undefined;
      return { errors: [{ text: `${importer} imports the Node built-in "${path}", which a browser does not have` }] };
    });
  },
};

const common = {
  bundle: true,
  platform: "node",
  target: "node18",
  format: "cjs",
  sourcemap: true,
  minify: true,
  keepNames: true,
  logLevel: "warning",
  absWorkingDir: root,
  plugins: [jsonAsString],
};

await Promise.all([
  // The server answers initialize from serverBoot.js and then loads serverSession.js, which shares
  // its language-server library. server.js and cli.js are small loaders; every large bundle is
  // compiled with a V8 code cache (server/src/startup/codeCache.ts).
  build({ ...common, entryPoints: ["server/src/startup/serverStart.ts"], outfile: "server/dist/server.js" }),
  // keepNames wraps every function of the language-server library in a naming call at load, a
  // few per cent of a cold start; nothing in this bundle reads a function's name.
  build({ ...common, keepNames: false, entryPoints: ["server/src/serverMain.ts"], outfile: "server/dist/serverBoot.js" }),
  build({
    ...common,
    entryPoints: ["server/src/lsp/session.ts"],
    outfile: "server/dist/serverSession.js",
    external: ["vscode-languageserver", "vscode-languageserver/node"],
  }),
  build({ ...common, entryPoints: ["server/src/startup/cliStart.ts"], outfile: "server/dist/cli.js" }),
  build({ ...common, entryPoints: ["server/src/cliMain.ts"], outfile: "server/dist/cliMain.js" }),
  // The threads `unitsmith lint` shares a large tree among (server/src/cli/lintThreads.ts).
  build({ ...common, entryPoints: ["server/src/lintWorkerMain.ts"], outfile: "server/dist/lintWorker.js" }),
  // The server's worker thread: unit files read for the index, man pages parsed (workspace/hostWorker.ts).
  build({ ...common, entryPoints: ["server/src/workspace/hostWorkerMain.ts"], outfile: "server/dist/hostWorker.js" }),
  build({ ...common, entryPoints: ["client/src/extension.ts"], outfile: "client/dist/extension.js", external: ["vscode"] }),
  // The dependency graph's webview script: Graphviz (WebAssembly) and the code that draws with it.
  build({
    ...common,
    entryPoints: ["client/src/graph/graphView.ts"],
    outfile: "client/dist/graphView.js",
    platform: "browser",
    format: "iife",
  }),
  // The web extension and its language server, for VS Code in a browser (package.json "browser").
  ...[
    { entryPoints: ["server/src/browser/browserMain.ts"], outfile: "server/dist/browserServer.js", format: "iife" },
    { entryPoints: ["client/src/browserExtension.ts"], outfile: "client/dist/browserExtension.js", external: ["vscode"] },
  ].map((entry) => build({ ...common, ...entry, platform: "browser", target: "es2022", plugins: [jsonAsString, noNodeBuiltins] })),
  // The rule pages diagnostics link to, in the npm package and the .vsix beside the bundles.
  cp(`${root}docs/rules`, `${root}server/dist/rules`, { recursive: true }),
]);
