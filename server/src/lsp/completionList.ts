import type { CompletionItem, CompletionList, Range } from "vscode-languageserver";

const sameRange = (a: Range, b: Range) =>
  a.start.line === b.start.line &&
  a.start.character === b.start.character &&
  a.end.line === b.end.line &&
  a.end.character === b.end.character;

/**
 * Completion items as a list whose shared edit range and data are said once (LSP 3.17
 * itemDefaults), for clients that take them: a section's few hundred directives then travel
 * without a range and data each. Items with different ranges, or insert-and-replace edits, go as
 * they are: a bare array when the list is complete.
 */
export function completionListFor(list: CompletionList, itemDefaults: readonly string[]): CompletionItem[] | CompletionList {
  // Made in this form by the service already (directive lists, for a client that takes both defaults).
  if (list.itemDefaults) return list;
  // The service hands out the same items again for the same question (unit names in a large
  // workspace): their wire form is kept with them.
  const key = `${list.isIncomplete} ${itemDefaults.join(" ")}`;
  const kept = wireForms.get(list.items);
  if (kept?.key === key) return kept.wire;
  const wire = wireFormOf(list, itemDefaults);
  wireForms.set(list.items, { key, wire });
  return wire;
}

const wireForms = new WeakMap<readonly CompletionItem[], { key: string; wire: CompletionItem[] | CompletionList }>();

function wireFormOf({ isIncomplete, items }: CompletionList, itemDefaults: readonly string[]): CompletionItem[] | CompletionList {
  const asTheyAre = isIncomplete ? { isIncomplete, items } : items;
  const first = items[0];
  const edit = first?.textEdit;
  if (!itemDefaults.includes("editRange") || !edit || !("range" in edit)) return asTheyAre;
  const range = edit.range;
  if (!items.every((item) => item.textEdit && "range" in item.textEdit && sameRange(item.textEdit.range, range))) return asTheyAre;
  // Directive items share one data object; anything else keeps its own.
  const data =
    itemDefaults.includes("data") && first.data !== undefined && items.every((item) => item.data === first.data) ? first.data : undefined;
  return {
    isIncomplete,
    itemDefaults: { editRange: range, ...(data !== undefined && { data }) },
    items: items.map(({ textEdit, data: own, ...item }) => ({
      ...item,
      ...(data === undefined && own !== undefined && { data: own }),
      ...(textEdit!.newText !== item.label && { textEditText: textEdit!.newText }),
    })),
  };
}
