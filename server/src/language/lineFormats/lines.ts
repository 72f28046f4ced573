/** Pieces every line format shares: comments, fields with their columns, and findings built from them. */
import { nextWord, type Word } from "../values/words";
import type { RuleInfo } from "../rules/rule";
import type { LineCompletion, LineCompletionKind, LineFinding } from "./lineFormat";

/** Whether a line holds nothing the reader looks at: blank, or a comment after optional whitespace. */
export function isCommentOrBlank(line: string, commentStarts = "#"): boolean {
  const trimmed = line.trimStart();
  return trimmed === "" || commentStarts.includes(trimmed[0]!);
}

export type SplitLine = { fields: Word[]; rest: number; error?: { start: number; end: number; message: string } };

/**
 * The first `count` whitespace-separated words of a line, quotes removed as systemd's word extraction
 * removes them, and the column where the rest of the line starts (after whitespace).
 */
export function splitFields(line: string, count: number): SplitLine {
  const fields: Word[] = [];
  let position = 0;
  while (fields.length < count) {
    const next = nextWord(line, position, { unquote: true });
    if (next.kind === "end") break;
    if (next.kind === "error") return { fields, rest: line.length, error: next.problem };
    fields.push(next.word);
    position = next.next;
  }
  while (position < line.length && /\s/.test(line[position]!)) position++;
  return { fields, rest: position };
}

export const finding = (rule: RuleInfo, line: number, start: number, end: number, message: string): LineFinding => ({
  rule,
  line,
  start,
  end: Math.max(end, start + 1),
  message,
});

/** A finding that covers a whole word. */
export const onWord = (rule: RuleInfo, line: number, word: { start: number; end: number }, message: string): LineFinding =>
  finding(rule, line, word.start, word.end, message);

/** The index of the field the column is in or just after, and the field itself when the column touches one. */
export function fieldAt(fields: readonly Word[], character: number): { index: number; word?: Word } {
  for (let i = 0; i < fields.length; i++) {
    const word = fields[i]!;
    if (character < word.start) return { index: i };
    if (character <= word.end) return { index: i, word };
  }
  return { index: fields.length };
}

/** Completion items from a table of names and summaries. */
export const fromTable = (table: Readonly<Record<string, string>>, kind: LineCompletionKind): LineCompletion[] =>
  Object.entries(table).map(([label, detail]) => ({ label, kind, detail }));

/** "-" (or nothing) stands for "not set" in most columns. */
export const isDash = (text: string | undefined): boolean => text === undefined || text === "" || text === "-";

export const quotedText = (text: string): string => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);

/**
 * Lines of consecutive entries with their columns padded to a common width (comments and blank
 * lines end a block); the last field of each line is left as written.
 */
export function alignColumns(
  lines: readonly string[],
  fieldsOf: (line: string) => string[] | undefined,
  commentStarts = "#",
): string[] | undefined {
  const out: string[] = [];
  let block: string[][] = [];
  const flush = () => {
    const widths: number[] = [];
    for (const fields of block) fields.slice(0, -1).forEach((field, i) => (widths[i] = Math.max(widths[i] ?? 0, field.length)));
    for (const fields of block)
      out.push(
        fields
          .map((field, i) => (i < fields.length - 1 ? field.padEnd(widths[i]!) : field))
          .join(" ")
          .trimEnd(),
      );
    block = [];
  };
  for (const line of lines) {
    if (isCommentOrBlank(line, commentStarts)) {
      flush();
      out.push(line.trimEnd());
      continue;
    }
    const fields = fieldsOf(line);
    if (!fields) return undefined;
    block.push(fields);
  }
  flush();
  return out;
}

/** The raw text of each whitespace-separated field (quotes kept), the last `keepRestFrom`-th onward as one. */
export function rawFields(line: string, count: number): string[] | undefined {
  const split = splitFields(line, count);
  if (split.error) return undefined;
  const fields = split.fields.map((word) => line.slice(word.start, word.end));
  const rest = line.slice(split.rest).trimEnd();
  return rest ? [...fields, rest] : fields;
}
