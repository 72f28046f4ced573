import type { Range, TextEdit } from "vscode-languageserver-types";
import { endsWithContinuation, type EntryNode, type Node, type UnitFile } from "./parser";

export interface FormattingOptions {
  /** Keep the whitespace around `=` as written instead of writing `Key=Value`. */
  keepSpacesAroundEquals: boolean;
}

export const defaultFormattingOptions: FormattingOptions = { keepSpacesAroundEquals: false };

// What the formatter changes is only whitespace that systemd strips anyway: around `=`, at the
// start of a key, header or comment line, and at line ends. Continued value lines keep their
// indentation, malformed lines are left alone, and line ends keep the file's style.

function dominantLineEnd(text: string): string {
  const crlf = text.split("\r\n").length - 1;
  const lf = text.split("\n").length - 1 - crlf;
  const cr = text.split("\r").length - 1 - crlf;
  if (cr > lf && cr > crlf) return "\r";
  return crlf > lf ? "\r\n" : "\n";
}

function isSpace(c: string | undefined): boolean {
  return c === " " || c === "\t";
}

/** Trailing blanks may go unless that would leave a backslash at the line end, which would continue the line. */
function trimLineEnd(line: string): string {
  let end = line.length;
  while (end > 0 && isSpace(line[end - 1])) end--;
  if (end === line.length) return line;
  return endsWithContinuation(line, 0, end) ? line : line.slice(0, end);
}

/** Applies `trimLineEnd` to every physical line of `text`, keeping each line's terminator. */
function trimLines(text: string): string {
  return text.replace(/([^\r\n]*)(\r\n|\r|\n|$)/g, (_match, line: string, end: string) => trimLineEnd(line) + end);
}

function spansLines(text: string, from: number, to: number): boolean {
  return /[\r\n]/.test(text.slice(from, to));
}

function formatEntry(text: string, entry: EntryNode, options: FormattingOptions): string {
  const body = text.slice(entry.start, entry.end);
  // A key continued over a line break is too odd to rewrite; only line ends are trimmed.
  if (options.keepSpacesAroundEquals || spansLines(text, entry.start, entry.equals)) return trimLines(body.replace(/^[ \t]+/, ""));
  const afterEquals = text.slice(entry.equals + 1, entry.end).replace(/^[ \t]+/, "");
  return trimLines(`${entry.key}=${afterEquals}`);
}

function formatNode(text: string, node: Node, options: FormattingOptions): string {
  const body = text.slice(node.start, node.end);
  switch (node.kind) {
    case "entry":
      return formatEntry(text, node, options);
    case "section":
      return spansLines(text, node.start, node.contentEnd) ? body : `[${node.name}]${text.slice(node.contentEnd, node.end)}`;
    case "comment":
      return trimLines(body.replace(/^[ \t]+/, ""));
    default:
      return body;
  }
}

/** The replacement for each node, with blank lines normalised: none at the start or end, at most one in a row, one before each section. */
function formattedNodes(file: UnitFile, options: FormattingOptions): string[] {
  const { text, nodes } = file;
  const eol = dominantLineEnd(text);
  const out = nodes.map((node) => formatNode(text, node, options));

  // A comment block right above a header belongs to it; the blank line goes above the comments.
  const sectionBlockStart = new Set<number>();
  for (let i = 0; i < nodes.length; i++) {
    if (nodes[i]!.kind !== "section") continue;
    let start = i;
    while (start > 0 && nodes[start - 1]!.kind === "comment") start--;
    sectionBlockStart.add(start);
  }

  // An inserted blank line repeats the line end before it, so a lone CR never meets an LF.
  let previousLineEnd: string | undefined;
  let pendingBlank = false;
  // A U+FEFF that starts a later line is not a byte order mark; dropping the blank lines above it
  // would make it one, and change what systemd reads.
  const firstContent = nodes.find((node) => node.kind !== "bom" && node.kind !== "blank");
  const keepLeadingBlanks = firstContent !== undefined && firstContent.start > 0 && text.charCodeAt(firstContent.start) === 0xfeff;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.kind === "bom") continue;
    if (node.kind === "blank") {
      if (previousLineEnd === undefined && keepLeadingBlanks) continue;
      out[i] = "";
      pendingBlank = previousLineEnd !== undefined;
      continue;
    }
    if (previousLineEnd !== undefined && (pendingBlank || sectionBlockStart.has(i))) out[i] = previousLineEnd + out[i];
    previousLineEnd = text.slice(node.contentEnd, node.end) || eol;
    pendingBlank = false;
  }

  // Exactly one line end after the last line that has content.
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    if (node.kind === "blank" || node.kind === "bom") continue;
    if (!/(\r\n|\r|\n)$/.test(out[i]!)) out[i] += eol;
    break;
  }
  return out;
}

export function formatText(file: UnitFile, options: FormattingOptions = defaultFormattingOptions): string {
  return formattedNodes(file, options).join("");
}

/**
 * Edits that format the document, or only the nodes that start on the lines of `range`. Each edit
 * replaces one node, so unchanged lines are not touched.
 */
export function formattingEdits(file: UnitFile, options: FormattingOptions = defaultFormattingOptions, range?: Range): TextEdit[] {
  const out = formattedNodes(file, options);
  const edits: TextEdit[] = [];
  file.nodes.forEach((node, i) => {
    if (out[i] === file.text.slice(node.start, node.end)) return;
    const line = file.lines.positionAt(node.start).line;
    if (range && (line < range.start.line || line > range.end.line)) return;
    edits.push({ range: file.lines.rangeOf(node.start, node.end), newText: out[i]! });
  });
  return edits;
}
