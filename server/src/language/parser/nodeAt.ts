import type { Node, Section, UnitFile } from "./ast";

/** The node whose lines contain `offset` (the last node at the very end of the text). */
export function nodeAt(file: UnitFile, offset: number): Node | undefined {
  const nodes = file.nodes;
  let low = 0;
  let high = nodes.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const node = nodes[mid]!;
    if (offset < node.start) high = mid - 1;
    else if (offset >= node.end) low = mid + 1;
    else return node;
  }
  return nodes[nodes.length - 1];
}

/** The section whose span contains `offset`, if any. */
export function sectionAt(file: UnitFile, offset: number): Section | undefined {
  const sections = file.sections;
  let low = 0;
  let high = sections.length - 1;
  let found: Section | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sections[mid]!.start <= offset) {
      found = sections[mid];
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}
