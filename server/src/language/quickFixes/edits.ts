import type { Range, TextEdit } from "vscode-languageserver-types";
import { nodeAt, sectionAt, type EntryNode, type Section, type UnitFile } from "../parser";

export const rangeOf = (file: UnitFile, start: number, end: number): Range => file.lines.rangeOf(start, end);

/** The entry a diagnostic's range starts in. */
export function entryAt(file: UnitFile, range: Range): EntryNode | undefined {
  const node = nodeAt(file, file.lines.offsetAt(range.start));
  return node?.kind === "entry" ? node : undefined;
}

export function sectionOf(file: UnitFile, entry: EntryNode): Section | undefined {
  const section = sectionAt(file, entry.start);
  return section?.entries.includes(entry) ? section : undefined;
}

/** Removes the entry with all its lines (continuations included) and its line break. */
export function deleteEntry(file: UnitFile, entry: EntryNode): TextEdit {
  return { range: rangeOf(file, entry.start, entry.end), newText: "" };
}

/** Puts `line` on a new line right after `entry`. */
export function insertAfter(file: UnitFile, entry: EntryNode, line: string): TextEdit {
  return { range: rangeOf(file, entry.contentEnd, entry.contentEnd), newText: `\n${line}` };
}

/** Puts `line` on a new line right before `entry`. */
export function insertBefore(file: UnitFile, entry: EntryNode, line: string): TextEdit {
  return { range: rangeOf(file, entry.start, entry.start), newText: `${line}\n` };
}

/**
 * Adds `line` at the end of the last section called `name`; without one, creates the section before
 * the first section that `order` (the file kind's canonical order) puts after it, else at the end.
 */
export function addToSection(file: UnitFile, name: string, line: string, order: readonly string[]): TextEdit {
  const existing = file.sections.filter((section) => section.name === name).at(-1);
  if (existing) {
    const after = existing.entries.at(-1)?.contentEnd ?? existing.header.contentEnd;
    return { range: rangeOf(file, after, after), newText: `\n${line}` };
  }
  const rank = (section: string) => (order.includes(section) ? order.indexOf(section) : order.length);
  const next = file.sections.find((section) => rank(section.name) > rank(name));
  if (next) return { range: rangeOf(file, next.start, next.start), newText: `[${name}]\n${line}\n\n` };
  const end = file.text.length;
  const separator = end === 0 ? "" : file.text.endsWith("\n\n") ? "" : file.text.endsWith("\n") ? "\n" : "\n\n";
  return { range: rangeOf(file, end, end), newText: `${separator}[${name}]\n${line}\n` };
}
