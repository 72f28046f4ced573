import type { CompletionItem, CompletionList, Range } from "vscode-languageserver";

const sameRange = (a: Range, b: Range) =>
  a.start.line === b.start.line &&
  a.start.character === b.start.character &&
  a.end.line === b.end.line &&
  a.end.character === b.end.character;

/**
 * Completion items as a list whose shared edit range is said once (LSP 3.17 itemDefaults), for
 * clients that take it: a section's few hundred directives then travel without a range each.
 * Items with different ranges, or insert-and-replace edits, go as they are.
 */
export function completionListFor(items: CompletionItem[], itemDefaults: readonly string[]): CompletionItem[] | CompletionList {
  const first = items[0]?.textEdit;
  if (!itemDefaults.includes("editRange") || !first || !("range" in first)) return items;
  const range = first.range;
  if (!items.every((item) => item.textEdit && "range" in item.textEdit && sameRange(item.textEdit.range, range))) return items;
  return {
    isIncomplete: false,
    itemDefaults: { editRange: range },
    items: items.map(({ textEdit, ...item }) => (textEdit!.newText === item.label ? item : { ...item, textEditText: textEdit!.newText })),
  };
}
