import type { Position, SelectionRange } from "vscode-languageserver-types";
import { nodeAt, sectionAt, type UnitFile } from "./parser";
import type { Span } from "./parser";

/** The end of a span without the blank lines and line breaks that close it. */
function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}

/** The run of non-space characters around `offset` inside `span`. */
function wordAround(text: string, span: Span, offset: number): Span | undefined {
  if (offset < span.start || offset > span.end) return undefined;
  let start = offset;
  let end = offset;
  while (start > span.start && !/\s/.test(text[start - 1]!)) start--;
  while (end < span.end && !/\s/.test(text[end]!)) end++;
  return start < end ? { start, end } : undefined;
}

/** Ranges that grow from the word at a position: word → value (or key) → entry → section → file. */
function selectionRange(file: UnitFile, position: Position): SelectionRange {
  const offset = file.lines.offsetAt(position);
  const text = file.text;
  const spans: Span[] = [];
  const node = nodeAt(file, offset);
  if (node?.kind === "entry") {
    const inKey = offset <= node.keySpan.end;
    const part = inKey ? node.keySpan : node.valueSpan;
    const word = inKey ? undefined : wordAround(text, node.valueSpan, offset);
    if (word) spans.push(word);
    if (part.end > part.start) spans.push(part);
    spans.push({ start: node.start, end: node.contentEnd });
  } else if (node?.kind === "section") {
    spans.push(node.nameSpan, { start: node.start, end: node.contentEnd });
  } else if (node) {
    spans.push({ start: node.start, end: node.contentEnd });
  }
  const section = sectionAt(file, offset);
  if (section) spans.push({ start: section.start, end: trimmedEnd(text, section.start, section.end) });
  spans.push({ start: 0, end: text.length });

  let result: SelectionRange | undefined;
  for (const span of spans.reverse()) {
    const range = file.lines.rangeOf(span.start, span.end);
    const same = result && JSON.stringify(result.range) === JSON.stringify(range);
    if (!same) result = { range, ...(result && { parent: result }) };
  }
  return result!;
}

export function selectionRanges(file: UnitFile, positions: readonly Position[]): SelectionRange[] {
  return positions.map((position) => selectionRange(file, position));
}
