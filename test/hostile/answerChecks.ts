import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Position,
  Range,
  TextEdit,
} from "vscode-languageserver-types";
import { DocumentGeometry, rangeWithin } from "./documentGeometry";

/** What the server (or the core in process) answered for one document. */
export interface Answers {
  diagnostics: Diagnostic[];
  completions: { position: Position; items: CompletionItem[] }[];
  hovers: { position: Position; hover: Hover | null | undefined }[];
  symbols: DocumentSymbol[];
  folds: FoldingRange[];
  formatting: TextEdit[];
  rangeFormatting: { range: Range; edits: TextEdit[] }[];
  codeActions: CodeAction[];
}

function editRange(item: CompletionItem): Range | undefined {
  const edit = item.textEdit;
  if (!edit) return undefined;
  return "range" in edit ? edit.range : edit.replace;
}

function symbolProblems(geometry: DocumentGeometry, symbol: DocumentSymbol, parent?: DocumentSymbol): string[] {
  const problems: string[] = [];
  if (!geometry.contains(symbol.range)) problems.push(`symbol ${symbol.name} range outside the document`);
  if (!rangeWithin(symbol.selectionRange, symbol.range)) problems.push(`symbol ${symbol.name} selectionRange outside its range`);
  if (parent && !rangeWithin(symbol.range, parent.range)) problems.push(`symbol ${symbol.name} outside its parent ${parent.name}`);
  for (const child of symbol.children ?? []) problems.push(...symbolProblems(geometry, child, symbol));
  return problems;
}

/**
 * Everything wrong with the answers that a client would trip over: ranges outside the document,
 * completion edits that do not cover the cursor on its line, symbols whose selection is not
 * inside them, folds past the last line, overlapping or escaping edits.
 */
export function answerProblems(text: string, answers: Answers): string[] {
  const geometry = new DocumentGeometry(text);
  const problems: string[] = [];
  const inside = (what: string, range: Range | undefined) => {
    if (range && !geometry.contains(range)) problems.push(`${what} range ${JSON.stringify(range)} outside the document`);
  };
  for (const d of answers.diagnostics) inside(`diagnostic ${String(d.code)}`, d.range);
  for (const { position, items } of answers.completions) {
    for (const item of items) {
      const range = editRange(item);
      if (!range) continue;
      inside(`completion ${item.label}`, range);
      if (range.start.line !== range.end.line) problems.push(`completion ${item.label} edit spans lines`);
      if (geometry.has(position) && (range.start.line !== position.line || !rangeWithin({ start: position, end: position }, range)))
        problems.push(`completion ${item.label} edit ${JSON.stringify(range)} does not cover the cursor ${JSON.stringify(position)}`);
    }
  }
  for (const { hover } of answers.hovers) inside("hover", hover?.range);
  for (const symbol of answers.symbols) problems.push(...symbolProblems(geometry, symbol));
  for (const fold of answers.folds) {
    if (!(fold.startLine >= 0 && fold.startLine <= fold.endLine && fold.endLine < geometry.lineCount))
      problems.push(`folding range ${fold.startLine}-${fold.endLine} outside lines 0-${geometry.lineCount - 1}`);
  }
  const editsApply = (what: string, edits: readonly TextEdit[]) => {
    try {
      geometry.apply(edits);
    } catch (error) {
      problems.push(`${what}: ${(error as Error).message}`);
    }
  };
  editsApply("formatting", answers.formatting);
  for (const { edits } of answers.rangeFormatting) editsApply("range formatting", edits);
  for (const action of answers.codeActions) {
    for (const edits of Object.values(action.edit?.changes ?? {})) editsApply(`code action ${action.title}`, edits);
  }
  return problems;
}
