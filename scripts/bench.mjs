#!/usr/bin/env node
// `npm run bench`: builds the server, bundles the bare baseline server the same way, and prints
// the budget table (test/bench/main.ts). Exit status 1 when a budget is missed. Arguments name the
// sections to run (`npm run bench -- workspace lint`); without any, all of them run.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const built = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
if (built.status !== 0) process.exit(built.status ?? 1);

const out = mkdtempSync(join(tmpdir(), "unitsmith-bench-"));
const bare = join(out, "bareServer.js");
await build({
  entryPoints: [join(root, "test/bench/bareServer.ts")],
  outfile: bare,
  bundle: true,
  platform: "node",
  target: "node18",
  format: "cjs",
  sourcemap: true,
  logLevel: "warning",
});
const run = spawnSync(process.execPath, ["--import", "tsx", "test/bench/main.ts", bare, ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
});
rmSync(out, { recursive: true, force: true });
process.exit(run.status ?? 1);
