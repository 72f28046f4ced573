import { guarded } from "../handlerGuard";
import { documentLinks } from "../language/documentLinks";
import { manPageDocumentUri } from "../language/documentLinks";
import { foldingRanges } from "../language/folding";
import { formattingEdits } from "../language/formatting";
import { selectionRanges } from "../language/selectionRanges";
import { semanticTokens } from "../language/semanticTokens";
import { documentSymbols } from "../language/symbols";
import type { ServerContext } from "../serverContext";

/** Requests answered from the document alone: outline, folding, formatting, selection, links, tokens. */
export function registerDocumentFeatures(context: ServerContext): void {
  const { connection, logger } = context;
  const fileOf = (uri: string) => context.analysisOf(uri)?.file;

  connection.onDocumentSymbol(
    guarded("documentSymbol", [], logger, ({ textDocument }) => {
      const file = fileOf(textDocument.uri);
      return file ? documentSymbols(file) : [];
    }),
  );

  connection.onFoldingRanges(
    guarded("foldingRange", [], logger, ({ textDocument }) => {
      const file = fileOf(textDocument.uri);
      return file ? foldingRanges(file) : [];
    }),
  );

  connection.onDocumentFormatting(
    guarded("formatting", [], logger, ({ textDocument }) => {
      const file = fileOf(textDocument.uri);
      return file ? formattingEdits(file, context.settings().format) : [];
    }),
  );

  connection.onDocumentRangeFormatting(
    guarded("rangeFormatting", [], logger, ({ textDocument, range }) => {
      const file = fileOf(textDocument.uri);
      return file ? formattingEdits(file, context.settings().format, range) : [];
    }),
  );

  connection.onSelectionRanges(
    guarded("selectionRanges", [], logger, ({ textDocument, positions }) => {
      const file = fileOf(textDocument.uri);
      return file ? selectionRanges(file, positions) : [];
    }),
  );

  connection.onDocumentLinks(
    guarded("documentLinks", [], logger, ({ textDocument }) => {
      const analysis = context.analysisOf(textDocument.uri);
      if (!analysis?.file) return [];
      const toDocument = context.preferences().manPageLinks === "document";
      return documentLinks(analysis.file, analysis.kind, {
        isFile: context.machine().isFile,
        ...(toDocument && { manPageTarget: manPageDocumentUri }),
      });
    }),
  );

  connection.languages.semanticTokens.on(
    guarded("semanticTokens", { data: [] }, logger, ({ textDocument }) => {
      const analysis = context.analysisOf(textDocument.uri);
      return analysis?.file ? semanticTokens(analysis.file, analysis.kind) : { data: [] };
    }),
  );
}
