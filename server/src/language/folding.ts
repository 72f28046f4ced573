import { FoldingRange, FoldingRangeKind } from "vscode-languageserver-types";
import type { Node, UnitFile } from "./parser";

/** Sections, runs of two or more comment lines, and values continued over several lines. */
export function foldingRanges(file: UnitFile): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const lineOf = (offset: number) => file.lines.positionAt(offset).line;
  const add = (startOffset: number, endOffset: number, kind?: FoldingRangeKind) => {
    const startLine = lineOf(startOffset);
    const endLine = lineOf(endOffset);
    if (endLine > startLine) ranges.push({ startLine, endLine, ...(kind && { kind }) });
  };

  let section: { start: number; lastContentEnd: number } | undefined;
  const closeSection = () => {
    if (section) add(section.start, section.lastContentEnd, FoldingRangeKind.Region);
  };
  let commentRun: Node[] = [];
  const closeComments = () => {
    if (commentRun.length > 1) add(commentRun[0]!.start, commentRun[commentRun.length - 1]!.contentEnd, FoldingRangeKind.Comment);
    commentRun = [];
  };

  for (const node of file.nodes) {
    if (node.kind === "section") {
      closeSection();
      section = { start: node.start, lastContentEnd: node.contentEnd };
    } else if (section && node.kind !== "blank") {
      section.lastContentEnd = node.contentEnd;
    }
    if (node.kind === "comment") {
      commentRun.push(node);
      continue;
    }
    closeComments();
    if (node.kind === "entry" && node.lineCount > 1) add(node.start, node.contentEnd);
  }
  closeComments();
  closeSection();
  return ranges;
}
