import { DocumentSymbol, SymbolKind } from "vscode-languageserver-types";
import type { EntryNode, UnitFile } from "./parser";

function entrySymbol(file: UnitFile, entry: EntryNode): DocumentSymbol {
  return {
    name: entry.key,
    detail: entry.value.length > 60 ? `${entry.value.slice(0, 59)}…` : entry.value,
    kind: SymbolKind.Property,
    range: file.lines.rangeOf(entry.start, entry.contentEnd),
    selectionRange: file.lines.rangeOf(entry.keySpan.start, entry.keySpan.end),
  };
}

/** Sections containing their entries, for the outline and breadcrumbs. */
export function documentSymbols(file: UnitFile): DocumentSymbol[] {
  const orphans = file.orphanEntries.map((entry) => entrySymbol(file, entry));
  const sections = file.sections.map((section): DocumentSymbol => {
    const last = section.entries[section.entries.length - 1];
    const end = last ? last.contentEnd : section.header.contentEnd;
    return {
      name: `[${section.name}]`,
      kind: SymbolKind.Module,
      range: file.lines.rangeOf(section.start, end),
      selectionRange: file.lines.rangeOf(section.header.start, section.header.contentEnd),
      children: section.entries.map((entry) => entrySymbol(file, entry)),
    };
  });
  return [...orphans, ...sections];
}
