import type { SemanticTokens } from "vscode-languageserver-types";
import { TOKEN_MODIFIERS, TOKEN_TYPES } from "../protocol/semanticTokenLegend";
import { documentOffsetOf } from "./entryOffsets";
import type { UnitFile } from "./parser";
import { fileSchemaFor } from "./schema/fileSchema";
import type { UnitKind } from "./unitKind";
import { unitReferences } from "./unitReferences";
import { findSpecifiers } from "./values/specifiers";

type TokenType = (typeof TOKEN_TYPES)[number];
type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

interface Token {
  start: number;
  end: number;
  type: TokenType;
  modifiers: TokenModifier[];
}

function encode(file: UnitFile, tokens: Token[]): SemanticTokens {
  const data: number[] = [];
  let line = 0;
  let character = 0;
  let lastEnd = -1;
  for (const token of tokens.sort((a, b) => a.start - b.start)) {
    const start = file.lines.positionAt(token.start);
    const end = file.lines.positionAt(token.end);
    // Tokens are one line long and never overlap.
    if (start.line !== end.line || token.start < lastEnd || token.end <= token.start) continue;
    const modifiers = token.modifiers.reduce((bits, modifier) => bits | (1 << TOKEN_MODIFIERS.indexOf(modifier)), 0);
    data.push(start.line - line, start.line === line ? start.character - character : start.character, end.character - start.character);
    data.push(TOKEN_TYPES.indexOf(token.type), modifiers);
    line = start.line;
    character = start.character;
    lastEnd = token.end;
  }
  return { data };
}

/** Semantic tokens for the whole file, encoded against `semanticTokensLegend`. */
export function semanticTokens(file: UnitFile, kind: UnitKind): SemanticTokens {
  const schema = fileSchemaFor(kind);
  if (!schema) return { data: [] };
  const tokens: Token[] = [];
  for (const section of file.sections) {
    const knownSection = schema.sections.includes(section.name);
    tokens.push({ ...section.header.nameSpan, type: "namespace", modifiers: knownSection ? [] : ["unknown"] });
    for (const entry of section.entries) {
      const info = schema.directive(section.name, entry.key);
      const modifiers: TokenModifier[] = !info ? ["unknown"] : info.status ? ["deprecated"] : [];
      tokens.push({ ...entry.keySpan, type: "property", modifiers });
      for (const specifier of findSpecifiers(entry.value)) {
        const start = documentOffsetOf(entry, specifier.start);
        const end = documentOffsetOf(entry, specifier.end - 1) + 1;
        tokens.push({ start, end, type: "macro", modifiers: specifier.known ? [] : ["unknown"] });
      }
    }
  }
  for (const reference of unitReferences(file, kind)) {
    if (!reference.name.includes("%")) tokens.push({ start: reference.start, end: reference.end, type: "type", modifiers: [] });
  }
  return encode(file, tokens);
}
