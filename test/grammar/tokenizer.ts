// Tokenizes text with the extension's TextMate grammar through the engine VS Code uses.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type StateStack } from "vscode-textmate";
import { OnigScanner, OnigString, loadWASM } from "vscode-oniguruma";

export const repoRoot = join(__dirname, "..", "..");
export const grammarPath = join(repoRoot, "syntaxes", "systemd-unit.tmLanguage.json");

/** VS Code's standard token types, as the tokenTypes setting of a grammar contribution names them. */
export const standardTokenType = { other: 0, comment: 1, string: 2 } as const;
export type StandardTokenTypeName = keyof typeof standardTokenType;

let wasm: Promise<void> | undefined;

/** A grammar file of syntaxes/ and the scope name it declares. */
export interface GrammarFile {
  path: string;
  scopeName: string;
}

const UNIT_GRAMMAR: GrammarFile = { path: grammarPath, scopeName: "source.systemd" };

/** Loads a grammar (the unit files' by default); tokenTypes is the `tokenTypes` object of a contributes.grammars entry. */
export async function loadGrammar(
  tokenTypes: Record<string, StandardTokenTypeName> = {},
  file: GrammarFile = UNIT_GRAMMAR,
): Promise<IGrammar> {
  wasm ??= loadWASM(readFileSync(join(repoRoot, "node_modules", "vscode-oniguruma", "release", "onig.wasm")).buffer);
  await wasm;
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new OnigScanner(sources),
      createOnigString: (text) => new OnigString(text),
    }),
    loadGrammar: async () => parseRawGrammar(readFileSync(file.path, "utf8"), file.path),
  });
  const types = Object.fromEntries(Object.entries(tokenTypes).map(([selector, name]) => [selector, standardTokenType[name]]));
  // The map's value type is a const enum that vscode-textmate does not export; its values are the numbers above.
  const grammar = await registry.loadGrammarWithConfiguration(file.scopeName, 1, { tokenTypes: types as never });
  if (!grammar) throw new Error(`${file.scopeName} did not load`);
  return grammar;
}

/** Runs fn over each line, carrying the grammar state from line to line as an editor does. */
function eachLine<T>(lines: readonly string[], fn: (line: string, state: StateStack) => { ruleStack: StateStack; value: T }): T[] {
  let state: StateStack = INITIAL;
  return lines.map((line) => {
    const { ruleStack, value } = fn(line, state);
    state = ruleStack;
    return value;
  });
}

/** For each line, the scopes of every character. */
export function scopesPerChar(grammar: IGrammar, lines: readonly string[]): string[][][] {
  return eachLine(lines, (line, state) => {
    const { tokens, ruleStack } = grammar.tokenizeLine(line, state);
    const perChar = Array.from({ length: line.length }, (_, i) => tokens.find((t) => t.startIndex <= i && i < t.endIndex)?.scopes ?? []);
    return { ruleStack, value: perChar };
  });
}

/** For each line, the standard token type of every character. */
export function tokenTypesPerChar(grammar: IGrammar, lines: readonly string[]): number[][] {
  return eachLine(lines, (line, state) => {
    const { tokens, ruleStack } = grammar.tokenizeLine2(line, state);
    const perChar = Array.from({ length: line.length }, (_, i) => {
      let metadata = 0;
      // tokens holds pairs: the offset where a token starts, then its metadata.
      for (let t = 0; t < tokens.length; t += 2) {
        const start = tokens[t];
        const data = tokens[t + 1];
        if (start === undefined || data === undefined || start > i) break;
        metadata = data;
      }
      return (metadata >>> 8) & 3;
    });
    return { ruleStack, value: perChar };
  });
}
