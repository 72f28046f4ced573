import { LineIndex } from "../text/lineIndex";
import type { Node, Span, UnitFile } from "./ast";
import { buildTree, parseLines, parseUnitFile, type ParseOptions } from "./parse";

/**
 * The parse of `text`, an edit of `previous.text`, equal to `parseUnitFile(text, options)`. A line
 * is read alone, unless a value is continued onto it: the nodes before the edit are kept as they
 * are, the lines from the edit on are parsed again until a line that starts one of the old nodes
 * after the edit, outside a continued value, and from there the old nodes are kept, moved by the
 * change in length (the same objects when the length did not change).
 */
export function reparseUnitFile(previous: UnitFile, text: string, { template = false }: ParseOptions = {}): UnitFile {
  const old = previous.text;
  if (old === text) return previous;
  let prefix = 0;
  const shorter = Math.min(old.length, text.length);
  while (prefix < shorter && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  // A byte order mark makes a node of its own; an edit at the first character parses the whole text.
  if (prefix <= 1) return parseUnitFile(text, { template });
  let suffix = 0;
  while (suffix < shorter - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const delta = text.length - old.length;

  // Kept: the nodes that end before the first changed character. A node's parse depends on its
  // own lines and on whether a value was continued into it, and neither changed.
  const nodes: Node[] = [];
  let kept = 0;
  while (kept < previous.nodes.length && previous.nodes[kept]!.end < prefix) nodes.push(previous.nodes[kept++]!);
  const resumeFrom = kept < previous.nodes.length ? previous.nodes[kept]!.start : old.length;

  const lines = new LineIndex(text);
  // Old nodes from the first one past the edit, by where they start in the old text.
  const tailFrom = old.length - suffix;
  let next = kept;
  const startsOldNode = (start: number): boolean => {
    const oldStart = start - delta;
    if (oldStart < tailFrom) return false;
    while (next < previous.nodes.length && previous.nodes[next]!.start < oldStart) next++;
    return next < previous.nodes.length && previous.nodes[next]!.start === oldStart;
  };
  const firstLine = lines.positionAt(resumeFrom).line;
  if (parseLines(text, lines, template, firstLine, nodes, startsOldNode) !== undefined) {
    for (let i = next; i < previous.nodes.length; i++) nodes.push(moved(previous.nodes[i]!, delta));
  }
  return buildTree(text, nodes, lines);
}

const span = (s: Span, by: number): Span => ({ start: s.start + by, end: s.end + by });

/**
 * A node `by` characters later in the text. Written out field by field, in the parser's order:
 * faster than spreading, and the moved nodes keep the shapes the rules' code is tuned to.
 */
function moved<T extends Node>(node: T, by: number): T {
  if (by === 0) return node;
  return movedNode(node, by) as T;
}

function movedNode(node: Node, by: number): Node {
  const start = node.start + by;
  const end = node.end + by;
  const contentEnd = node.contentEnd + by;
  switch (node.kind) {
    case "entry":
      return {
        kind: "entry",
        start,
        end,
        contentEnd,
        key: node.key,
        keySpan: span(node.keySpan, by),
        equals: node.equals + by,
        value: node.value,
        valueSpan: span(node.valueSpan, by),
        segments: node.segments.map((s) => ({ valueStart: s.valueStart, textStart: s.textStart + by, length: s.length })),
        lineCount: node.lineCount,
        unterminated: node.unterminated,
        // Most entries have none: their empty list is shared rather than copied.
        innerComments: node.innerComments.length === 0 ? node.innerComments : node.innerComments.map((comment) => moved(comment, by)),
      };
    case "comment":
      return { kind: "comment", start, end, contentEnd, marker: node.marker, insideContinuation: node.insideContinuation };
    case "section":
      return { kind: "section", start, end, contentEnd, name: node.name, nameSpan: span(node.nameSpan, by) };
    case "malformed":
      return {
        kind: "malformed",
        start,
        end,
        contentEnd,
        reason: node.reason,
        content: node.content,
        contentSpan: span(node.contentSpan, by),
      };
    default:
      return { kind: node.kind, start, end, contentEnd };
  }
}
