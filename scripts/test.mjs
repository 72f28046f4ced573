#!/usr/bin/env node
// Runs the *.test.ts files under the given folders with node's test runner (TypeScript through tsx).
// Without arguments it runs the fast suite; slower layers have their own npm scripts.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const fastSuite = ["server/test", "test"];
// Layers too slow for `npm test`; each has its own npm script, and .ci/run calls them all.
const slowLayers = new Set(["test/systemd", "test/editors", "test/bench"].map((p) => join(root, p)));

function testFiles(dir) {
  let entries;
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return name === "fixtures" || (slowLayers.has(path) && !explicit) ? [] : testFiles(path);
    }
    return name.endsWith(".test.ts") ? [path] : [];
  });
}

const folders = process.argv.slice(2);
const explicit = folders.length > 0;
const files = (folders.length ? folders : fastSuite).flatMap((f) => testFiles(join(root, f)));
if (files.length === 0) {
  console.error(`no test files under ${(folders.length ? folders : fastSuite).join(", ")}`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", ...files.map((f) => relative(root, f))], {
  cwd: root,
  stdio: "inherit",
});
process.exit(result.status ?? 1);
