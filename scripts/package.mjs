#!/usr/bin/env node
// `npm run package`: builds the bundles and packs the extension into unitsmith-<version>.vsix.
// Everything the extension runs is bundled by esbuild, so vsce skips dependency detection and the
// .vsix holds no node_modules (.vscodeignore lists what goes in).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const vsix = join(root, `${manifest.name}-${manifest.version}.vsix`);
const run = (args) => execFileSync(process.execPath, args, { cwd: root, stdio: "inherit" });

run([join(root, "scripts/build.mjs")]);

const flags = ["--no-dependencies"];
// vsce asks (and fails without a terminal) when these are absent; say so instead of asking.
if (!manifest.repository) {
  console.warn("package.json has no repository field; packaging without it");
  flags.push("--allow-missing-repository");
}
if (!["LICENSE", "LICENSE.md", "LICENSE.txt"].some((name) => existsSync(join(root, name)))) {
  console.warn("no LICENSE file; packaging without it");
  flags.push("--skip-license");
}
const vsce = join(root, "node_modules/@vscode/vsce/vsce");
const files = execFileSync(process.execPath, [vsce, "ls", "--no-dependencies"], { cwd: root, encoding: "utf8" });
const stray = files.split("\n").filter((file) => file.includes("node_modules/") || file.endsWith(".ts"));
if (stray.length > 0) {
  console.error(`the .vsix would carry sources or node_modules (fix .vscodeignore):\n${stray.join("\n")}`);
  process.exit(1);
}
// The marketplace shows the README with images and links only from absolute addresses, and the
// project has no public address yet: the packed README leaves the screenshots out and names the
// manual's pages without linking them, rather than show broken images and links.
// vsce wants that README inside the project: out/ is ignored by git and by .vscodeignore.
const scratch = join(root, "out/package");
mkdirSync(scratch, { recursive: true });
// Links into the repository (the manual's pages) have nowhere to lead either: their text stays.
writeFileSync(
  join(scratch, "README.md"),
  readFileSync(join(root, "README.md"), "utf8")
    .replace(/^!\[[^\]]*\]\([^)]*\)\n\n?/gm, "")
    .replace(/\[([^\]]+)\]\((?![a-z]+:|#)[^)]*\)/g, "$1"),
);
try {
  run([vsce, "package", ...flags, "--readme-path", "out/package/README.md", "--out", vsix]);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(vsix);
