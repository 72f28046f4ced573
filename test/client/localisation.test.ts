// The extension's texts can be translated: every text the manifest contributes is a %key% of
// package.nls.json (VS Code looks the key up in package.nls.<locale>.json first), and every message
// the extension words itself goes through t() and is in l10n/bundle.l10n.json.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fill } from "../../client/src/l10n";
import { englishBundle, L10N_BUNDLE } from "../../scripts/l10nMessages";
import { localisedManifest, manifestKeys, manifestTexts } from "../support/manifest";

const ROOT = join(__dirname, "../..");
const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { contributes: unknown; l10n: string };

/** The properties of contributes whose strings a user reads (not ids, paths, globs or when-clauses). */
const SHOWN = new Set(["title", "description", "name", "contextualTitle", "markdownDescription", "altText"]);

function shownTexts(value: unknown, path: string): { path: string; text: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => shownTexts(item, `${path}[${index}]`));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    typeof inner === "string" && SHOWN.has(key) ? [{ path: `${path}.${key}`, text: inner }] : shownTexts(inner, `${path}.${key}`),
  );
}

describe("the manifest's texts", () => {
  it("are all %key% entries, not English in package.json", () => {
    const literal = shownTexts(manifest.contributes, "contributes").filter(({ text }) => !/^%[^%]+%$/.test(text));
    assert.deepEqual(literal, []);
  });

  it("name only keys package.nls.json holds, and package.nls.json holds no key nothing names", () => {
    const named = new Set(manifestKeys());
    const held = Object.keys(manifestTexts());
    assert.deepEqual(
      { missing: [...named].filter((key) => !held.includes(key)), unused: held.filter((key) => !named.has(key)) },
      { missing: [], unused: [] },
    );
    assert.doesNotThrow(localisedManifest);
  });
});

describe("the extension's own messages", () => {
  it("are each in l10n/bundle.l10n.json, which holds no other (run npm run sync:l10n after a change)", () => {
    const bundle = JSON.parse(readFileSync(L10N_BUNDLE, "utf8")) as Record<string, string>;
    const wanted = englishBundle();
    assert.deepEqual(
      {
        missing: Object.keys(wanted).filter((message) => !(message in bundle)),
        stale: Object.keys(bundle).filter((message) => !(message in wanted)),
      },
      { missing: [], stale: [] },
    );
    assert.deepEqual(bundle, wanted);
    assert.ok(Object.keys(bundle).length > 100, "the collector found the t() calls");
    assert.equal(join(ROOT, manifest.l10n, "bundle.l10n.json"), L10N_BUNDLE, "package.json's l10n names the bundle's folder");
  });

  it("outside VS Code are the English, {0}, {1}… filled as vscode.l10n.t fills them", () => {
    assert.equal(fill("Install {0} for the {1} manager? {0}", ["a.service", "user"]), "Install a.service for the user manager? a.service");
    assert.equal(fill("{0} of {1}", [3, 240]), "3 of 240");
    assert.equal(fill("left {2} as written", ["a"]), "left {2} as written");
  });
});
