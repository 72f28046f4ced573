import { LineIndex } from "../text/lineIndex";
import { isTemplateLine } from "../templatePlaceholders";
import type { CommentNode, EntryNode, MalformedReason, Node, Section, SectionHeaderNode, Span, UnitFile, ValueSegment } from "./ast";

// The rules follow systemd.syntax(7) and systemd's config_parse(): comment lines are skipped
// even inside a continued value, a line ending in an unescaped backslash continues onto the
// next one (the backslash reads as a space), and each logical line is trimmed before it is read.

const BOM = 0xfeff;

function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** Whether text[start, end) ends in a backslash that is not itself escaped, continuing the line. */
export function endsWithContinuation(text: string, start: number, end: number): boolean {
  let escaped = false;
  for (let i = start; i < end; i++) {
    if (escaped) escaped = false;
    else if (text.charCodeAt(i) === 92 /* \ */) escaped = true;
  }
  return escaped;
}

/** A logical line under construction: pieces of physical lines and the comments between them. */
class LogicalLine {
  value = "";
  readonly segments: ValueSegment[] = [];
  readonly innerComments: CommentNode[] = [];
  lineCount = 0;

  constructor(readonly start: number) {}

  append(text: string, from: number, to: number, continued: boolean): void {
    this.segments.push({ valueStart: this.value.length, textStart: from, length: to - from });
    this.value += continued ? text.slice(from, to - 1) + " " : text.slice(from, to);
    this.lineCount++;
  }

  /** The document offset of the character at logical offset `i` (i < value.length). */
  textOffset(i: number): number {
    let low = 0;
    let high = this.segments.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.segments[mid]!.valueStart <= i) low = mid;
      else high = mid - 1;
    }
    const segment = this.segments[low]!;
    return segment.textStart + (i - segment.valueStart);
  }

  /** The document span of the logical range [from, to). */
  textSpan(from: number, to: number): Span {
    if (to <= from) {
      const at = from < this.value.length ? this.textOffset(from) : this.endOffset();
      return { start: at, end: at };
    }
    return { start: this.textOffset(from), end: this.textOffset(to - 1) + 1 };
  }

  endOffset(): number {
    const last = this.segments[this.segments.length - 1]!;
    return last.textStart + last.length;
  }

  /** The segments for the logical range [from, to), rebased to start at 0. */
  segmentsOf(from: number, to: number): ValueSegment[] {
    const result: ValueSegment[] = [];
    for (const s of this.segments) {
      const a = Math.max(from, s.valueStart);
      const b = Math.min(to, s.valueStart + s.length);
      if (a < b) result.push({ valueStart: a - from, textStart: s.textStart + (a - s.valueStart), length: b - a });
    }
    return result;
  }
}

function trimmedBounds(value: string, from = 0, to = value.length): [number, number] {
  let a = from;
  let b = to;
  while (a < b && isWhitespace(value.charCodeAt(a))) a++;
  while (b > a && isWhitespace(value.charCodeAt(b - 1))) b--;
  return [a, b];
}

/** Characters systemd refuses in a section name (string_is_safe). */
function isSafeSectionName(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 32 || c === 127 || c === 92 || c === 34 || c === 39) return false;
  }
  return true;
}

// A function of its own rather than a closure in classify(): the bundle names every closure it
// makes, which costs more than the rest of a line's classification.
function malformed(line: LogicalLine, base: Span & { contentEnd: number }, a: number, b: number, reason: MalformedReason): Node {
  return { kind: "malformed", ...base, reason, content: line.value.slice(a, b), contentSpan: line.textSpan(a, b) };
}

function classify(line: LogicalLine, end: number, contentEnd: number, unterminated: boolean): Node {
  const text = line.value;
  const base = { start: line.start, end, contentEnd };
  const [a, b] = trimmedBounds(text);
  if (a === b) return { kind: "blank", ...base };
  if (text.charCodeAt(a) === 91 /* [ */) {
    if (text.charCodeAt(b - 1) !== 93 /* ] */) return malformed(line, base, a, b, "invalid-section-header");
    const name = text.slice(a + 1, b - 1);
    if (!isSafeSectionName(name)) return malformed(line, base, a, b, "invalid-section-header");
    return { kind: "section", ...base, name, nameSpan: line.textSpan(a + 1, b - 1) };
  }
  const equals = text.indexOf("=", a);
  if (equals < 0 || equals >= b) return malformed(line, base, a, b, "missing-equals");
  if (equals === a) return malformed(line, base, a, b, "missing-key");
  const [keyStart, keyEnd] = trimmedBounds(text, a, equals);
  const [valueStart, valueEnd] = trimmedBounds(text, equals + 1, b);
  const valueSpan =
    valueStart < valueEnd ? line.textSpan(valueStart, valueEnd) : { start: line.textOffset(equals) + 1, end: line.textOffset(equals) + 1 };
  return {
    kind: "entry",
    ...base,
    key: text.slice(keyStart, keyEnd),
    keySpan: line.textSpan(keyStart, keyEnd),
    equals: line.textOffset(equals),
    value: text.slice(valueStart, valueEnd),
    valueSpan,
    segments: line.segmentsOf(valueStart, valueEnd),
    lineCount: line.lineCount + line.innerComments.length,
    unterminated,
    innerComments: line.innerComments,
  };
}

export interface ParseOptions {
  /** The text is a build template: lines of template logic read as comments. */
  template?: boolean;
}

/** Parses a unit file. Never throws; every character of `text` belongs to exactly one node. */
export function parseUnitFile(text: string, { template = false }: ParseOptions = {}): UnitFile {
  const lines = new LineIndex(text);
  const nodes: Node[] = [];
  if (text.charCodeAt(0) === BOM) nodes.push({ kind: "bom", start: 0, end: 1, contentEnd: 1 });
  parseLines(text, lines, template, 0, nodes);
  return buildTree(text, nodes, lines);
}

/**
 * Appends the nodes of the lines from `firstLine` on, which must start outside any continued
 * value. Stops before a line at whose start `resumeAt` says yes while no value is being
 * continued, and answers that line's start; answers undefined when it parsed to the end.
 */
export function parseLines(
  text: string,
  lines: LineIndex,
  template: boolean,
  firstLine: number,
  nodes: Node[],
  resumeAt?: (start: number) => boolean,
): number | undefined {
  let pending: LogicalLine | undefined;
  let pendingEnd = 0;
  let pendingContentEnd = 0;
  const hasBom = text.charCodeAt(0) === BOM;

  for (let i = firstLine; i < lines.lineCount; i++) {
    const start = i === 0 && hasBom ? 1 : lines.lineStarts[i]!;
    const contentEnd = lines.lineContentEnd(i);
    const end = i + 1 < lines.lineCount ? lines.lineStarts[i + 1]! : text.length;
    if (start === end && i === lines.lineCount - 1) break; // nothing after the last line break
    if (!pending && i > firstLine && resumeAt?.(start)) return start;

    let first = start;
    while (first < contentEnd && isWhitespace(text.charCodeAt(first))) first++;
    const firstChar = text[first];
    const templateLine = template && first < contentEnd && isTemplateLine(text.slice(first, contentEnd).trimEnd());
    if (first < contentEnd && (firstChar === "#" || firstChar === ";" || templateLine)) {
      const comment: CommentNode = {
        kind: "comment",
        start,
        end,
        contentEnd,
        marker: templateLine ? "template" : (firstChar as "#" | ";"),
        insideContinuation: pending !== undefined,
      };
      if (pending) {
        pending.innerComments.push(comment);
        [pendingEnd, pendingContentEnd] = [end, contentEnd];
      } else {
        nodes.push(comment);
      }
      continue;
    }
    if (!pending && first === contentEnd) {
      nodes.push({ kind: "blank", start, end, contentEnd });
      continue;
    }
    pending ??= new LogicalLine(start);
    const continued = endsWithContinuation(text, start, contentEnd);
    pending.append(text, start, contentEnd, continued);
    if (continued) {
      [pendingEnd, pendingContentEnd] = [end, contentEnd];
    } else {
      nodes.push(classify(pending, end, contentEnd, false));
      pending = undefined;
    }
  }
  // The file ended inside a continued value; systemd still reads what it has.
  if (pending) nodes.push(classify(pending, pendingEnd, pendingContentEnd, true));
  return undefined;
}

export function buildTree(text: string, nodes: Node[], lines: LineIndex): UnitFile {
  const sections: Section[] = [];
  const orphanEntries: EntryNode[] = [];
  let current: Section | undefined;
  for (const node of nodes) {
    if (node.kind === "section") {
      if (current) current.end = node.start;
      current = { header: node as SectionHeaderNode, name: node.name, entries: [], start: node.start, end: text.length };
      sections.push(current);
    } else if (node.kind === "entry") {
      (current ? current.entries : orphanEntries).push(node);
    }
  }
  return { text, nodes, orphanEntries, sections, lines };
}
