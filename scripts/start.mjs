#!/usr/bin/env node
// `npm start`: Unitsmith in a real VS Code, in the browser. Builds and packs the extension,
// installs code-server once per machine (scripts/editors/install-code-server.sh), installs the
// .vsix into a fresh profile and serves VS Code on 127.0.0.1, opened on a scratch copy of examples/
// (auto-save, quick fixes and the wizard write there, never into the repository), until Ctrl-C.
//   PORT=8080 npm start   to choose the port (default: 8080, or a free one if it is taken)
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

const root = fileURLToPath(new URL("..", import.meta.url));
const step = (what) => console.log(`\n== ${what}`);

function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

step("building and packing the extension");
const packed = execFileSync(process.execPath, [join(root, "scripts/package.mjs")], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
const vsix = packed.toString().trim().split("\n").pop();
console.log(vsix);

step("code-server (and, on a fresh machine, the Debian packages it builds with)");
execFileSync("bash", [join(root, "scripts/editors/install-deps.sh")], { stdio: ["ignore", "inherit", "inherit"] });
const binary = execFileSync("bash", [join(root, "scripts/editors/install-code-server.sh")], { stdio: ["ignore", "pipe", "inherit"] });
process.env.CODE_SERVER_BIN = binary.toString().trim();
console.log(process.env.CODE_SERVER_BIN);

step("starting VS Code");
const { startCodeServer } = await tsImport(join(root, "test/editors/vscode/codeServer.ts"), import.meta.url);
const wanted = Number(process.env.PORT ?? 8080);
const server = await startCodeServer({
  vsixFiles: [vsix],
  port: (await portIsFree(wanted)) ? wanted : undefined,
  settings: { "files.autoSave": "afterDelay" },
});
const folder = join(mkdtempSync(join(tmpdir(), "unitsmith-examples-")), "examples");
cpSync(join(root, "examples"), folder, { recursive: true });
console.log(`\nOpen this address (it opens VS Code on a copy of examples/ in ${folder}):`);
console.log(`\n  ${server.origin}/?folder=${encodeURIComponent(folder)}\n`);
console.log("(listening on 127.0.0.1 only; Ctrl-C stops it; the copy stays for you to look at)");

// Ctrl-C: code-server's launcher stops it and deletes its scratch profile on the way out.
process.on("exit", () => console.log("\ncode-server stopped"));
