import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { test } from "node:test";
import { repoRoot } from "../support/paths";
import { scratchDir, spawnGroup, stopGroup, withTimeout } from "../support/processes";

const checks = join(__dirname, "eglot_checks.el");
const server = join(repoRoot, "server/bin/unitsmith-language-server.js");
const install = "run `bash scripts/editors/install-emacs.sh`";

/** Emacs's first `--version` line, or undefined when there is no `emacs` on PATH. */
function emacsVersion(): string | undefined {
  const probe = spawnSync("emacs", ["--version"], { encoding: "utf8", timeout: 15_000 });
  if ((probe.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") return undefined;
  if (probe.error) throw new Error(`emacs --version failed: ${probe.error.message}`);
  return probe.stdout.split("\n")[0];
}

const version = emacsVersion();

/**
 * Runs eglot_checks.el in `emacs --batch`: it loads the manual's Emacs set-up and drives eglot
 * against the built server. Resolves with Emacs's exit code and everything it printed.
 */
async function runChecks(): Promise<{ code: number | null; output: string }> {
  const home = scratchDir("unitsmith-emacs-home-");
  const child = spawnGroup("emacs", ["--batch", "-l", checks], {
    cwd: repoRoot,
    env: {
      ...process.env,
      // Nothing from the user's own Emacs set-up; the server's `#!/usr/bin/env node` finds this node.
      HOME: home,
      PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ""}`,
      UNITSMITH_SERVER: server,
      UNITSMITH_README: join(repoRoot, "docs/editors.md"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    for (const line of chunk.toString().split("\n").filter(Boolean)) console.log(`    [emacs] ${line}`);
  });
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once("exit", resolve);
    child.once("error", (error) => reject(new Error(`emacs did not start (${error.message}): ${install}`)));
  });
  try {
    return { code: await withTimeout(exited, 90_000, "emacs --batch"), output };
  } finally {
    await stopGroup(child);
  }
}

test(
  "Emacs with eglot, set up as docs/editors.md says, gets Unitsmith's diagnostics, completion and hover",
  { timeout: 120_000, skip: version === undefined && `emacs is not installed: ${install}` },
  async () => {
    assert.ok(existsSync(join(repoRoot, "server/dist/server.js")), "server/dist/server.js is missing: run `npm run build`");
    console.log(`    ${version ?? ""}`);
    const started = Date.now();
    const { code, output } = await runChecks();
    console.log(`    emacs --batch took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    assert.doesNotMatch(output, /Cannot open load file.*eglot/, `eglot is not installed: ${install}`);
    assert.equal(code, 0, output);
    assert.match(output, /^# eglot \d/m, output);
    assert.match(output, /^ok - flymake shows the server's malformed-line and unknown-directive diagnostics$/m);
    assert.match(output, /^ok - completion-at-point after Exec offers ExecStart$/m);
    assert.match(output, /^ok - hover on ExecStart explains ExecStart=$/m);
    assert.doesNotMatch(output, /^not ok/m);
  },
);
