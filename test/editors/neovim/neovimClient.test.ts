import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { repoRoot } from "../support/paths";
import { spawnGroup, stopGroup, withTimeout } from "../support/processes";

const checks = join(__dirname, "lsp_checks.lua");
const server = join(repoRoot, "server/bin/unitsmith-language-server.js");

/** Runs lsp_checks.lua in headless Neovim against the built server; resolves with its exit code and output. */
async function runChecks(): Promise<{ code: number | null; output: string }> {
  const child = spawnGroup("nvim", ["--headless", "--clean", "-n", "-i", "NONE", "-c", `luafile ${checks}`], {
    cwd: repoRoot,
    env: { ...process.env, UNITSMITH_SERVER: server, UNITSMITH_NODE: process.execPath },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    for (const line of chunk.toString().split("\n").filter(Boolean)) console.log(`    [nvim] ${line}`);
  });
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once("exit", resolve);
    child.once("error", (error) => reject(new Error(`nvim did not start (${error.message}): run scripts/editors/install-deps.sh`)));
  });
  try {
    return { code: await withTimeout(exited, 90_000, "nvim --headless"), output };
  } finally {
    await stopGroup(child);
  }
}

test(
  "Neovim's built-in LSP client gets Unitsmith's diagnostics, symbols, completion, hover and commands",
  { timeout: 120_000 },
  async () => {
    assert.ok(existsSync(join(repoRoot, "server/dist/server.js")), "server/dist/server.js is missing: run `npm run build`");
    const { code, output } = await runChecks();
    assert.equal(code, 0, output);
    assert.match(output, /^ok - a malformed line gets a diagnostic/m);
    assert.doesNotMatch(output, /^not ok/m);
  },
);
