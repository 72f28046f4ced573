import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CompletionItem, CompletionList } from "vscode-languageserver";
import { completionListFor } from "../../src/lsp/completionList";

const range = { start: { line: 2, character: 6 }, end: { line: 2, character: 11 } };
const DEFAULTS = ["editRange", "data"];

describe("completion lists on the wire", () => {
  const shared = { unitName: true };
  const items: CompletionItem[] = ["a.service", "b.service"].map((label) => ({ label, textEdit: { range, newText: label }, data: shared }));

  it("says the shared edit range and data once", () => {
    const wire = completionListFor({ isIncomplete: true, items }, DEFAULTS) as CompletionList;
    assert.deepEqual(wire.itemDefaults, { editRange: range, data: shared });
    assert.deepEqual(wire.items, [{ label: "a.service" }, { label: "b.service" }]);
  });

  it("gives the same items the same wire form again, and a new one to other items or other defaults", () => {
    const wire = completionListFor({ isIncomplete: true, items }, DEFAULTS);
    assert.equal(completionListFor({ isIncomplete: true, items }, DEFAULTS), wire);
    assert.notEqual(completionListFor({ isIncomplete: true, items: [...items] }, DEFAULTS), wire);
    const withoutDefaults = completionListFor({ isIncomplete: true, items }, []) as CompletionList;
    assert.equal(withoutDefaults.items, items);
    assert.equal((completionListFor({ isIncomplete: false, items }, DEFAULTS) as CompletionList).isIncomplete, false);
  });
});
