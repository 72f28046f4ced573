// The extension's texts can be translated: every text the manifest contributes is a %key% of
// package.nls.json (VS Code looks the key up in package.nls.<locale>.json first).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { localisedManifest, manifestKeys, manifestTexts } from "../support/manifest";

const ROOT = join(__dirname, "../..");
const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { contributes: unknown };

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
