// The extension manifest must wire the grammar, language configuration and snippets to the systemd-unit language.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { grammarPath, loadGrammar, repoRoot, standardTokenType, tokenTypesPerChar, type StandardTokenTypeName } from "./tokenizer";

interface Contributes {
  languages?: { id: string; configuration?: string }[];
  grammars?: {
    language?: string;
    scopeName: string;
    path: string;
    tokenTypes?: Record<string, StandardTokenTypeName>;
  }[];
  snippets?: { language: string; path: string }[];
}

const contributes: Contributes = JSON.parse(readFileSync(resolve(repoRoot, "package.json"), "utf8")).contributes ?? {};
const LANGUAGE = "systemd-unit";

function entry<T>(list: T[] | undefined, match: (item: T) => boolean, what: string): T {
  const found = list?.find(match);
  assert.ok(found, `package.json contributes.${what} has no entry for ${LANGUAGE}`);
  return found;
}

test("the language uses language-configuration.json", () => {
  const language = entry(contributes.languages, (l) => l.id === LANGUAGE, "languages");
  assert.equal(resolve(repoRoot, language.configuration ?? ""), resolve(repoRoot, "language-configuration.json"));
});

test("the grammar is contributed by its path and scope name", () => {
  const grammar = entry(contributes.grammars, (g) => g.language === LANGUAGE, "grammars");
  assert.equal(resolve(repoRoot, grammar.path), grammarPath);
  assert.equal(grammar.scopeName, JSON.parse(readFileSync(grammarPath, "utf8")).scopeName);
});

test("the snippets are contributed by their path", () => {
  const snippets = entry(contributes.snippets, (s) => s.language === LANGUAGE, "snippets");
  assert.equal(resolve(repoRoot, snippets.path), resolve(repoRoot, "snippets", "systemd-unit.json"));
});

// VS Code turns suggestions off inside strings by default, so unquoted values must not count as strings.
test("with the contributed token types, values take suggestions while quoted strings and comments stay what they are", async () => {
  const { tokenTypes } = entry(contributes.grammars, (g) => g.language === LANGUAGE, "grammars");
  const lines = ['Environment="GREETING=hello world" MODE=fast \\', "# a comment inside the value", "  LEVEL=2"];
  const types = tokenTypesPerChar(await loadGrammar(tokenTypes), lines);
  const typeOf = (line: number, fragment: string) => types[line]?.[(lines[line] ?? "").indexOf(fragment)];
  const hint = 'the grammar entry needs "tokenTypes": { "string.unquoted.value.systemd - comment - string.quoted": "other" }';
  assert.equal(typeOf(0, "MODE=fast"), standardTokenType.other, hint);
  assert.equal(typeOf(2, "LEVEL"), standardTokenType.other, hint);
  assert.equal(typeOf(0, "GREETING"), standardTokenType.string);
  assert.equal(typeOf(1, "a comment"), standardTokenType.comment);
});
