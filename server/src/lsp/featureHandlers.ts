import { ErrorCodes, ResponseError, type CancellationToken, type Connection, type TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { pathOfUri } from "../language/fileUri";
import type { UnitLanguageService } from "../language/languageService";
import { completionListFor } from "./completionList";
import { guarded } from "./handlerGuard";
import type { Logger } from "./logger";

/** An AbortSignal that follows the request's cancellation, for the searches that stop on one (made only for them: most requests never need it). */
function signalOf(token: CancellationToken): AbortSignal {
  const controller = new AbortController();
  token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}

/**
 * Answers the language feature requests, each with one call into the language service. A request
 * for a document the server does not have answers with the empty fallback.
 */
export function registerFeatureHandlers(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  service: UnitLanguageService,
  logger: Logger,
  /** The completion list defaults the client takes (LSP 3.17), read after initialize. */
  completionDefaults: () => readonly string[] = () => [],
): void {
  /** Wraps a request about one document: guarded, and the fallback when the document is not open. */
  const about = <P extends { textDocument: { uri: string } }, R>(
    name: string,
    fallback: R,
    answer: (document: TextDocument, params: P, token: CancellationToken) => R | Promise<R>,
  ) =>
    guarded<P, R>(name, fallback, logger, (params, token) => {
      const document = documents.get(params.textDocument.uri);
      return document ? answer(document, params, token) : fallback;
    });

  connection.onCompletion(
    about("completion", [], async (document, { position }) =>
      completionListFor(await service.completionList(document, position), completionDefaults()),
    ),
  );
  // A failed resolve leaves the item as it was.
  connection.onCompletionResolve((item, token) =>
    guarded("completionResolve", item, logger, () => service.resolveCompletion(item))(item, token),
  );
  connection.onHover(about("hover", null, (document, { position }) => service.hover(document, position)));
  connection.onDefinition(about("definition", [], (document, { position }) => service.definition(document, position)));
  connection.onReferences(
    about("references", [], (document, { position }, token) => service.references(document, position, signalOf(token))),
  );
  connection.onCodeLens(about("codeLens", [], (document) => service.codeLenses(document)));
  connection.onCodeLensResolve((lens, token) => guarded("codeLensResolve", lens, logger, () => service.resolveCodeLens(lens))(lens, token));
  connection.onSignatureHelp(about("signatureHelp", null, (document, { position }) => service.signatureHelp(document, position)));
  connection.onDocumentHighlight(
    about("documentHighlight", [], (document, { position }) => service.documentHighlights(document, position)),
  );
  connection.onWorkspaceSymbol(
    guarded("workspaceSymbol", [], logger, ({ query }, token) => service.workspaceSymbols(query, signalOf(token))),
  );
  /** A refusal reaches the user as the request's error message. */
  const orRefusal = <T>(answer: T | { refused: string }): T => {
    if (answer && typeof answer === "object" && "refused" in answer) throw new ResponseError(ErrorCodes.InvalidRequest, answer.refused);
    return answer;
  };
  connection.onPrepareRename(
    about("prepareRename", null, async (document, { position }) => orRefusal(await service.prepareRename(document, position))),
  );
  connection.onRenameRequest(
    about("rename", null, async (document, { position, newName }) => orRefusal(await service.rename(document, position, newName))),
  );
  connection.workspace.onWillRenameFiles(
    guarded("willRenameFiles", null, logger, ({ files }) =>
      service.renameFiles(files.map(({ oldUri, newUri }) => ({ oldPath: pathOfUri(oldUri), newPath: pathOfUri(newUri) }))),
    ),
  );
  connection.onDocumentLinks(about("documentLinks", [], (document) => service.documentLinks(document)));
  connection.onDocumentSymbol(about("documentSymbol", [], (document) => service.documentSymbols(document)));
  connection.onFoldingRanges(about("foldingRange", [], (document) => service.foldingRanges(document)));
  connection.onSelectionRanges(about("selectionRanges", [], (document, { positions }) => service.selectionRanges(document, positions)));
  connection.languages.inlayHint.on(about("inlayHint", [], (document, { range }) => service.inlayHints(document, range)));
  connection.languages.semanticTokens.on(about("semanticTokens", { data: [] }, (document) => service.semanticTokens(document)));
  connection.onDocumentFormatting(about("formatting", [], (document) => service.format(document)));
  connection.onDocumentRangeFormatting(about("rangeFormatting", [], (document, { range }) => service.format(document, range)));
  connection.onCodeAction(about("codeAction", [], (document, { context }) => service.codeActions(document, context)));
}
