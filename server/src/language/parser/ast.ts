import type { LineIndex } from "../text/lineIndex";

/** A half-open range of offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

/** Maps a run of the logical (joined) value back to the document. */
export interface ValueSegment {
  /** Offset in the logical value. */
  valueStart: number;
  /** Offset in the document of the same character. */
  textStart: number;
  length: number;
}

interface NodeBase extends Span {
  /** End of the node's last line, before its line terminator. */
  contentEnd: number;
}

export interface BomNode extends NodeBase {
  kind: "bom";
}

export interface BlankNode extends NodeBase {
  kind: "blank";
}

export interface CommentNode extends NodeBase {
  kind: "comment";
  /** `#` or `;`; `template` for a line of template logic in a build template (`{% if %}`). */
  marker: "#" | ";" | "template";
  /** True when the comment sits inside a continued value, where systemd skips it. */
  insideContinuation: boolean;
}

export interface SectionHeaderNode extends NodeBase {
  kind: "section";
  name: string;
  nameSpan: Span;
}

export interface EntryNode extends NodeBase {
  kind: "entry";
  key: string;
  keySpan: Span;
  /** Offset of the `=`. */
  equals: number;
  /** The value as systemd reads it: continuation lines joined, comment lines skipped, trimmed. */
  value: string;
  /** From the first to the last character of the value in the document (may span several lines). */
  valueSpan: Span;
  segments: ValueSegment[];
  /** Physical lines the entry covers, comment lines inside a continuation included. */
  lineCount: number;
  /** The last line ended with a backslash but the file ended. */
  unterminated: boolean;
  /** Comment lines systemd skips inside the continued value. */
  innerComments: CommentNode[];
}

export type MalformedReason = "missing-equals" | "missing-key" | "invalid-section-header";

export interface MalformedNode extends NodeBase {
  kind: "malformed";
  reason: MalformedReason;
  /** The logical line systemd sees, trimmed. */
  content: string;
  contentSpan: Span;
}

export type Node = BomNode | BlankNode | CommentNode | SectionHeaderNode | EntryNode | MalformedNode;

export interface Section extends Span {
  header: SectionHeaderNode;
  name: string;
  entries: EntryNode[];
}

export interface UnitFile {
  text: string;
  /** Every node in document order; together they cover the text exactly once. */
  nodes: Node[];
  /** Entries that come before the first section header (systemd ignores them). */
  orphanEntries: EntryNode[];
  sections: Section[];
  lines: LineIndex;
}
