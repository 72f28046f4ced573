/**
 * The language service's answers for documents in a line format: the service asks here first and
 * answers from the unit core only for other documents. Features the line formats do not have
 * (definitions, lenses, rename, ...) answer with nothing rather than with the unit core's idea of
 * a tmpfiles.d line.
 */
import {
  CompletionItemKind,
  type CompletionItem,
  type Diagnostic,
  type Hover,
  type Position,
  type TextEdit,
} from "vscode-languageserver-types";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { completionItemsFor, hoverFor, type ClientFeatures } from "../clientFeatures";
import { linkRulePages, ruleDiagnostic, type LintSeverities } from "../diagnostics";
import { pathOfUri } from "../fileUri";
import type { UnitLanguageHost } from "../host";
import { memoized } from "../memoized";
import type { TargetSystemd } from "../rules/rule";
import { lineFormatOf } from "./formats";
import type { LineCompletionKind, LineFormat } from "./lineFormat";

export interface LineFormatSettings {
  severities: LintSeverities;
  target: TargetSystemd;
  client: ClientFeatures;
  rulePages?: string;
  maxFileSizeKB: number;
}

const ITEM_KIND: Record<LineCompletionKind, CompletionItemKind> = {
  type: CompletionItemKind.Keyword,
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  operator: CompletionItemKind.Operator,
};

/** The document's lines as LSP counts them (a lone \r ends a line too). */
const linesOf = (document: TextDocument) => document.getText().split(/\r\n|\r|\n/);

/** The line at a position and the position's column, kept inside that line. */
function lineAt(document: TextDocument, position: Position): { line: string; character: number } {
  const line = linesOf(document)[position.line] ?? "";
  return { line, character: Math.min(position.character, line.length) };
}

/** The formats' answers for one document; `format` is the document's format (see formatOf). */
export function lineFormatFeatures(host: UnitLanguageHost, settings: () => LineFormatSettings) {
  return {
    /** The document's line format, or undefined for unit files and anything else (every request asks first). */
    formatOf: memoized(
      1_000,
      (document: TextDocument) => `${document.languageId}\n${document.uri}`,
      (document: TextDocument): LineFormat | undefined => lineFormatOf(pathOfUri(document.uri), document.languageId),
    ),

    async diagnostics(document: TextDocument, format: LineFormat): Promise<Diagnostic[]> {
      const { severities, target, rulePages } = settings();
      const lines = linesOf(document);
      const directories = format.directories?.(lines) ?? [];
      const listed = await Promise.all(directories.map((path) => host.listDirectory(path)));
      const listings = new Map(directories.map((path, i) => [path, listed[i] && new Set(listed[i]!.map((entry) => entry.name))]));
      const found = format.check(lines, { ...(target.version !== undefined && { systemdVersion: target.version }), listings });
      const diagnostics = found.flatMap((f) => {
        // A finding at the end of a line (a missing field) covers nothing rather than the line end.
        const length = lines[f.line]?.length ?? 0;
        const [start, end] = [Math.min(f.start, length), Math.min(f.end, length)];
        const range = { start: { line: f.line, character: start }, end: { line: f.line, character: end } };
        return ruleDiagnostic(f.rule, range, f.message, severities) ?? [];
      });
      diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      return linkRulePages(diagnostics, rulePages);
    },

    completion(document: TextDocument, position: Position, format: LineFormat): CompletionItem[] {
      const { line, character } = lineAt(document, position);
      const separators = format.wordSeparators ?? "";
      let start = character;
      while (start > 0 && !/\s/.test(line[start - 1]!) && !separators.includes(line[start - 1]!)) start--;
      const range = { start: { line: position.line, character: start }, end: { line: position.line, character } };
      const items = format.complete(line, character).map((item, index): CompletionItem => ({
        label: item.label,
        kind: ITEM_KIND[item.kind],
        sortText: String(index).padStart(4, "0"),
        textEdit: { range, newText: item.insertText ?? item.label },
        ...(item.detail && { detail: item.detail }),
        ...(item.documentation && { documentation: { kind: "markdown", value: item.documentation } }),
      }));
      return completionItemsFor(items, settings().client);
    },

    async hover(document: TextDocument, position: Position, format: LineFormat): Promise<Hover | null> {
      const { line, character } = lineAt(document, position);
      const found = format.hover(line, character);
      if (!found) return null;
      const manual = found.manual && (await host.manualEntry(found.manual.page, found.manual.term));
      const value = [found.summary, ...(manual ? [`*From the installed ${manual.reference}:*\n\n${manual.markdown}`] : [])].join(
        "\n\n---\n\n",
      );
      const range = { start: { line: position.line, character: found.start }, end: { line: position.line, character: found.end } };
      return hoverFor({ contents: { kind: "markdown", value }, range }, settings().client);
    },

    formattedText(document: TextDocument, format: LineFormat): string | undefined {
      const lines = linesOf(document);
      const formatted = format.format?.(lines);
      return formatted && formatted.join("\n");
    },

    format(document: TextDocument, format: LineFormat): TextEdit[] {
      const text = document.getText();
      const formatted = this.formattedText(document, format);
      if (formatted === undefined || formatted === text.replace(/\r\n/g, "\n")) return [];
      return [{ range: { start: { line: 0, character: 0 }, end: document.positionAt(text.length) }, newText: formatted }];
    },
  };
}

export type LineFormatFeatures = ReturnType<typeof lineFormatFeatures>;
