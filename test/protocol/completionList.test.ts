import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { CompletionRequest, type CompletionItem, type CompletionList } from "vscode-languageserver-protocol/node";
import { LspSession, RICH_CLIENT } from "./lspClient";

const UNIT = "[Unit]\nDescription=x\nAfter=network.target\n\n[Service]\nType=simple\nRestart=on-\nExecStart=/bin/true\n";
const PATH = "/srv/defaults/app.service";

/** The items a client shows once it has applied a list's defaults, as LSP 3.17 says it must. */
function applied(result: CompletionItem[] | CompletionList | null): CompletionItem[] {
  if (!result || Array.isArray(result)) return result ?? [];
  const range = result.itemDefaults?.editRange;
  const data = result.itemDefaults?.data;
  return result.items.map(({ textEditText, ...item }) => ({
    ...item,
    ...(item.data === undefined && data !== undefined && { data }),
    ...(!item.textEdit && range && "start" in range && { textEdit: { range, newText: textEditText ?? item.label } }),
  }));
}

describe("Completion lists with item defaults (LSP 3.17) over stdio", () => {
  let plain: LspSession;
  let withDefaults: LspSession;

  before(async () => {
    plain = (await LspSession.start({ trusted: false })).session;
    withDefaults = (
      await LspSession.start(
        { trusted: false },
        {
          textDocument: {
            ...RICH_CLIENT,
            completion: { ...RICH_CLIENT?.completion, completionList: { itemDefaults: ["editRange", "data"] } },
          },
        },
      )
    ).session;
  });

  after(async () => {
    assert.equal(await plain.shutdown(), 0);
    assert.equal(await withDefaults.shutdown(), 0);
  });

  const complete = async (session: LspSession, line: number, character: number) => {
    const uri = await session.open(PATH, UNIT);
    return session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
  };

  const incomplete = (result: CompletionItem[] | CompletionList | null) => !!result && !Array.isArray(result) && result.isIncomplete;

  for (const [what, line, character] of [
    ["a section's directives", 5, 2],
    ["a section's directives, each with its =", 3, 0],
    ["a directive's values", 6, 11],
    ["section headers", 4, 1],
    ["unit names", 2, 8],
  ] as const) {
    it(`offers the same ${what} to a client that takes the shared range once`, async () => {
      const plainAnswer = await complete(plain, line, character);
      const expected = applied(plainAnswer);
      const answer = await complete(withDefaults, line, character);
      assert.ok(expected.length > 0, `${what}: something is offered`);
      assert.deepEqual(applied(answer), expected);
      assert.equal(incomplete(answer), incomplete(plainAnswer), `${what}: both lists say alike whether they are complete`);
    });
  }

  it("says the range and data of a section's directives once, not with each of them", async () => {
    // At the start of the key nothing is typed yet: the whole section is offered.
    const answer = await complete(withDefaults, 5, 0);
    assert.ok(answer && !Array.isArray(answer) && answer.itemDefaults?.editRange, "a list with a default edit range");
    assert.ok(answer.items.length > 100 && answer.items.every((item) => !item.textEdit && item.data === undefined));
  });
});
