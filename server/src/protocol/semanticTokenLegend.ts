import type { SemanticTokensLegend } from "vscode-languageserver-types";

export const TOKEN_TYPES = ["namespace", "property", "macro", "type"] as const;
/** `unknown` is Unitsmith's own: a section, directive or specifier systemd does not know. */
export const TOKEN_MODIFIERS = ["deprecated", "unknown"] as const;

/**
 * Sections are namespaces, directives properties, specifiers macros and unit names in values
 * types; `deprecated` and `unknown` say what a grammar cannot know.
 */
export const semanticTokensLegend: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };
