#!/usr/bin/env node
// Runs the *.test.ts files under the given folders with node's test runner (TypeScript through tsx).
// Without arguments it runs the fast suite; slower layers have their own npm scripts.
// Skipped tests are listed at the end; with CI=true any skip fails the run, since a test that
// cannot run in CI is a defect, not a pass.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
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
// The spec reporter for people, and TAP in a file for the list of skips.
const tapDir = mkdtempSync(join(tmpdir(), "unitsmith-test-"));
const tapFile = join(tapDir, "results.tap");
const reporters = [
  "--test-reporter=spec",
  "--test-reporter-destination=stdout",
  "--test-reporter=tap",
  `--test-reporter-destination=${tapFile}`,
];
const result = spawnSync(process.execPath, ["--import", "tsx", "--test", ...reporters, ...files.map((f) => relative(root, f))], {
  cwd: root,
  stdio: "inherit",
});
const skipped = [];
for (const line of readFileSync(tapFile, "utf8").split("\n")) {
  const match = /^\s*ok \d+ - (.*) # SKIP ?(.*)$/.exec(line);
  if (match) skipped.push(`${match[1]}${match[2] ? `: ${match[2]}` : ""}`);
}
rmSync(tapDir, { recursive: true, force: true });
if (skipped.length > 0) {
  const ci = process.env.CI === "true";
  console.error(`\n${skipped.length} skipped${ci ? " (CI=true: a skip fails the run)" : ""}:\n${skipped.map((s) => `  ${s}`).join("\n")}`);
  if (ci) process.exit(1);
}
process.exit(result.status ?? 1);
