import { decodeEscape } from "./escapes";
import { problemAt, type ValueProblem } from "./problem";

/** One word of a value: its unquoted, unescaped text and where it sits in the raw value. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

export interface WordOptions {
  /** Characters that separate words; whitespace by default. */
  separators?: string;
  /** Strip '…' and "…" quoting (quoted separators do not split). */
  unquote?: boolean;
  /** Decode C escapes such as \n, \x41, \u00e9; otherwise a backslash just keeps the next character. */
  cunescape?: boolean;
}

export const WHITESPACE = " \t\n\r";

export type NextWord = { kind: "word"; word: Word; next: number } | { kind: "end" } | { kind: "error"; problem: ValueProblem };

/** Reads the word starting at or after `from`, the way systemd's word extraction does. */
export function nextWord(value: string, from: number, options: WordOptions = {}): NextWord {
  const separators = options.separators ?? WHITESPACE;
  let i = from;
  while (i < value.length && separators.includes(value[i]!)) i++;
  if (i >= value.length) return { kind: "end" };
  const start = i;
  let text = "";
  let quote: string | undefined;
  while (i < value.length) {
    const c = value[i]!;
    if (c === "\\") {
      if (i + 1 >= value.length) {
        return fail(i, i + 1, "A value cannot end with a lone backslash; write \\\\ for a backslash.");
      }
      if (options.cunescape) {
        const decoded = decodeEscape(value, i + 1);
        if (!decoded) {
          return fail(
            i,
            Math.min(i + 2, value.length),
            `Expected an escape such as \\n, \\t, \\\\, \\" or \\x41; "\\${value[i + 1]}" is not one systemd knows.`,
          );
        }
        text += decoded.text;
        i += 1 + decoded.length;
      } else {
        text += value[i + 1];
        i += 2;
      }
      continue;
    }
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      else text += c;
      i++;
      continue;
    }
    if (options.unquote && (c === '"' || c === "'")) {
      quote = c;
      i++;
      continue;
    }
    if (separators.includes(c)) break;
    text += c;
    i++;
  }
  if (quote !== undefined) {
    const open = findOpeningQuote(value, start, quote);
    return fail(open, value.length, `Expected a closing ${quote} to match the one opened here.`);
  }
  const end = i;
  while (i < value.length && separators.includes(value[i]!)) i++;
  return { kind: "word", word: { text, start, end }, next: i };
}

function findOpeningQuote(value: string, start: number, quote: string): number {
  let open = start;
  let inside: string | undefined;
  for (let i = start; i < value.length; i++) {
    const c = value[i]!;
    if (c === "\\") {
      i++;
      continue;
    }
    if (inside === undefined && (c === '"' || c === "'")) {
      inside = c;
      open = i;
    } else if (c === inside) inside = undefined;
  }
  return inside === quote ? open : start;
}

function fail(start: number, end: number, message: string): NextWord {
  return { kind: "error", problem: problemAt(start, end, message) };
}

export type SplitResult = { words: Word[]; problem?: ValueProblem };

/** Splits a whole value into words; on a syntax error returns the words before it and the problem. */
export function splitWords(value: string, options: WordOptions = {}): SplitResult {
  const words: Word[] = [];
  let pos = 0;
  for (;;) {
    const r = nextWord(value, pos, options);
    if (r.kind === "end") return { words };
    if (r.kind === "error") return { words, problem: r.problem };
    words.push(r.word);
    pos = r.next;
  }
}
