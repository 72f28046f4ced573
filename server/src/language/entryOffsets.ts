import type { EntryNode } from "./parser";

/** The offset in the entry's joined value of a document offset, or undefined outside the value text. */
export function valueOffsetAt(entry: EntryNode, offset: number): number | undefined {
  for (const segment of entry.segments) {
    if (offset >= segment.textStart && offset < segment.textStart + segment.length) return segment.valueStart + offset - segment.textStart;
  }
  return undefined;
}

/** The document offset of an offset in the entry's joined value; the end of the value maps to the end of its last segment. */
export function documentOffsetOf(entry: EntryNode, at: number): number {
  let last = entry.valueSpan.start;
  for (const segment of entry.segments) {
    if (at >= segment.valueStart && at < segment.valueStart + segment.length) return segment.textStart + at - segment.valueStart;
    if (at >= segment.valueStart + segment.length) last = segment.textStart + segment.length;
  }
  return last;
}
