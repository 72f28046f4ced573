import {
  CodeActionRequest,
  CompletionRequest,
  DidCloseTextDocumentNotification,
  DocumentFormattingRequest,
  DocumentRangeFormattingRequest,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FoldingRangeRequest,
  HoverRequest,
  type CodeAction,
  type CompletionItem,
  type DocumentSymbol,
  type Position,
} from "vscode-languageserver-protocol/node";
import type { LspSession } from "../protocol/lspClient";
import type { Answers } from "./answerChecks";
import { rangesFrom, securityFindingsAt } from "./inProcess";

/**
 * Opens the document, asks the server every request it answers at `positions`, and closes it again.
 * A request that gets an error response rejects, so a caller sees any error the server sends.
 */
export async function answerOverStdio(session: LspSession, path: string, text: string, positions: readonly Position[]): Promise<Answers> {
  const uri = await session.open(path, text);
  const textDocument = { uri };
  const send = session.connection.sendRequest.bind(session.connection);
  const ranges = rangesFrom(positions);
  const { diagnostics } = await session.diagnosticsFor(uri);
  const answers: Answers = {
    diagnostics,
    completions: [],
    hovers: [],
    symbols: ((await send(DocumentSymbolRequest.type, { textDocument })) ?? []) as DocumentSymbol[],
    folds: (await send(FoldingRangeRequest.type, { textDocument })) ?? [],
    formatting: (await send(DocumentFormattingRequest.type, { textDocument, options: { tabSize: 4, insertSpaces: true } })) ?? [],
    rangeFormatting: [],
    codeActions: [],
  };
  for (const position of positions) {
    const completion = await send(CompletionRequest.type, { textDocument, position });
    answers.completions.push({ position, items: (Array.isArray(completion) ? completion : (completion?.items ?? [])) as CompletionItem[] });
    answers.hovers.push({ position, hover: await send(HoverRequest.type, { textDocument, position }) });
  }
  for (const range of ranges) {
    const edits = await send(DocumentRangeFormattingRequest.type, { textDocument, range, options: { tabSize: 4, insertSpaces: true } });
    answers.rangeFormatting.push({ range, edits: edits ?? [] });
    const context = { diagnostics: [...diagnostics, ...securityFindingsAt(range)] };
    const actions = (await send(CodeActionRequest.type, { textDocument, range, context })) ?? [];
    answers.codeActions.push(...actions.filter((a): a is CodeAction => "title" in a && "edit" in a));
  }
  await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument });
  return answers;
}

/** executeCommand with a garbage argument; the answer must be a refusal, never an error response. */
export function executeGarbage(session: LspSession, command: string, argument: unknown): Promise<unknown> {
  return session.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: [argument] });
}
