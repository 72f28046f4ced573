import { DocumentHighlightKind, type DocumentHighlight, type Position } from "vscode-languageserver-types";
import { nodeAt, type UnitFile } from "./parser";
import { refersTo } from "./references";
import type { UnitKind } from "./unitKind";
import { unitReferenceAt, unitReferences } from "./unitReferences";

/**
 * Every place in the file that names what is under the cursor: a unit name wherever a directive
 * names it (an instance counts for its template), or a directive wherever it is assigned.
 */
export function documentHighlights(file: UnitFile, kind: UnitKind, position: Position): DocumentHighlight[] {
  const offset = file.lines.offsetAt(position);
  const reference = unitReferenceAt(file, kind, offset);
  if (reference) {
    return unitReferences(file, kind)
      .filter((other) => other.name === reference.name || refersTo(other.name, reference.name) || refersTo(reference.name, other.name))
      .map((other) => ({ range: file.lines.rangeOf(other.start, other.end), kind: DocumentHighlightKind.Read }));
  }
  const node = nodeAt(file, offset);
  if (node?.kind !== "entry" || offset > node.keySpan.end) return [];
  return file.sections
    .flatMap((section) => section.entries)
    .filter((entry) => entry.key === node.key)
    .map((entry) => ({ range: file.lines.rangeOf(entry.keySpan.start, entry.keySpan.end), kind: DocumentHighlightKind.Write }));
}
