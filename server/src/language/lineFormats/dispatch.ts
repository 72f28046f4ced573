/** Sends the language service's requests about line-format documents to the line formats. */
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Position } from "vscode-languageserver-types";
import type { LineFormatFeatures } from "./service";

/** What the service's other document methods answer for a line-format document: nothing. */
const NOTHING: Readonly<Record<string, () => unknown>> = {
  definition: async () => [],
  references: async () => [],
  documentLinks: async () => [],
  inlayHints: async () => [],
  prepareRename: async () => null,
  rename: async () => null,
  effectiveUnit: async () => undefined,
  dependencyGraph: async () => undefined,
  documentSymbols: () => [],
  foldingRanges: () => [],
  selectionRanges: () => [],
  semanticTokens: () => ({ data: [] }),
  codeActions: () => [],
  codeLenses: () => [],
  signatureHelp: () => null,
  documentHighlights: () => [],
};

type DocumentMethod = (document: TextDocument, ...rest: unknown[]) => unknown;

/**
 * The service with its document methods answering for line-format documents from `lines`; its
 * other methods and its settings getter stay as they are (the object is changed in place).
 */
export function withLineFormats<S extends object>(lines: LineFormatFeatures, service: S): S {
  // The service's methods are looked up by name here; their signatures are the service's own.
  const methods = service as unknown as Record<string, DocumentMethod>;
  const own: Record<string, DocumentMethod> = {
    diagnostics: async (document) => lines.diagnostics(document, lines.formatOf(document)!),
    completion: async (document, position) => lines.completion(document, position as Position, lines.formatOf(document)!),
    completionList: async (document, position) => ({
      isIncomplete: false,
      items: await lines.completion(document, position as Position, lines.formatOf(document)!),
    }),
    hover: (document, position) => lines.hover(document, position as Position, lines.formatOf(document)!),
    format: (document) => lines.format(document, lines.formatOf(document)!),
    formattedText: (document) => lines.formattedText(document, lines.formatOf(document)!),
    ...NOTHING,
  };
  for (const [name, answer] of Object.entries(own)) {
    const unit = methods[name];
    if (!unit) continue;
    methods[name] = (document, ...rest) => (lines.formatOf(document) ? answer(document, ...rest) : unit.call(service, document, ...rest));
  }
  return service;
}
