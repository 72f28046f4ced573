// The .vsix that `npm run package` makes, as the marketplace and `code --install-extension` get it:
// every file the manifest names is inside, with the icon, the changelog and the translatable texts.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";

const ROOT = join(__dirname, "../..");

interface Manifest {
  icon: string;
  l10n: string;
  contributes: {
    walkthroughs: { steps: { media: { markdown?: string; image?: string } }[] }[];
    grammars: { path: string }[];
    snippets: { path: string }[];
    jsonValidation: { url: string }[];
  };
}

describe("the packed extension", () => {
  it("holds the icon, the changelog, package.nls.json, the l10n bundle and every file the manifest names", { timeout: 5 * 60_000 }, () => {
    const printed = execFileSync(process.execPath, [join(ROOT, "scripts/package.mjs")], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 5 * 60_000,
    });
    const vsix = printed.trim().split("\n").pop()!;
    const entries = new Set(execFileSync("unzip", ["-Z1", vsix], { encoding: "utf8", timeout: 60_000 }).split("\n"));
    const inside = (path: string) => `extension/${path.replace(/^\.\//, "")}`;
    const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Manifest;
    const named = [
      manifest.icon,
      `${manifest.l10n}/bundle.l10n.json`,
      ...manifest.contributes.walkthroughs.flatMap((walkthrough) =>
        walkthrough.steps.map((step) => step.media.markdown ?? step.media.image!),
      ),
      ...manifest.contributes.grammars.map((grammar) => grammar.path),
      ...manifest.contributes.snippets.map((snippet) => snippet.path),
      ...manifest.contributes.jsonValidation.map((validation) => validation.url),
    ];
    // vsce writes the changelog and the readme in lower case.
    const wanted = ["package.json", "package.nls.json", "changelog.md", "LICENSE.txt", "readme.md", ...named].map(inside);
    assert.deepEqual(
      wanted.filter((path) => !entries.has(path)),
      [],
      [...entries].join("\n"),
    );
    assert.equal(manifest.icon.endsWith(".png"), true, "the marketplace takes a PNG icon");
  });
});
