import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { MarkupContent } from "vscode-languageserver-types";
import { atCursor, testService } from "../service";

const service = testService({}, { rulePages: "file:///docs/rules/" });

const labels = async (text: string) => {
  const { document, position } = atCursor("web.service", text);
  return (await service.completion(document, position)).map((item) => item.label);
};

const hoverText = async (text: string) => {
  const { document, position } = atCursor("web.service", text);
  return ((await service.hover(document, position))?.contents as MarkupContent | undefined)?.value;
};

describe("suppression comments in completion and hover", () => {
  it("completes the two directives after the comment marker, and nothing in other comments", async () => {
    assert.deepEqual(await labels("[Service]\n# unitsmith-d|\nExecStart=/usr/bin/web\n"), [
      "unitsmith-disable-next-line",
      "unitsmith-disable",
    ]);
    assert.deepEqual(await labels("[Service]\n; unit|\n"), ["unitsmith-disable-next-line", "unitsmith-disable"]);
    assert.deepEqual(await labels("[Service]\n# restart the|\n"), []);
  });

  it("completes rule ids after a directive, leaving out those already named", async () => {
    const after = await labels("[Service]\n# unitsmith-disable-next-line unknown-directive, dup|\n");
    assert.ok(after.includes("duplicate-directive") && after.includes("unused-suppression"));
    assert.ok(!after.includes("unknown-directive"));
    assert.deepEqual(await labels("[Service]\n# unitsmith-disable unknown-directive -- vendor |\n"), []);
  });

  it("explains the directive and the rule under the cursor, with the rule's page", async () => {
    assert.match((await hoverText("[Service]\n# unitsmith-dis|able-next-line unknown-directive\n"))!, /next line that is not a comment/);
    const rule = await hoverText("[Service]\n# unitsmith-disable-next-line unknown-dir|ective\n");
    assert.match(rule!, /\*\*unknown-directive\*\* \(default: error\)/);
    assert.match(rule!, /\(file:\/\/\/docs\/rules\/unknown-directive\.md\)/);
    assert.match((await hoverText("[Service]\n# unitsmith-disable no-such-r|ule\n"))!, /"no-such-rule" is no rule of Unitsmith/);
    assert.equal(await hoverText("[Service]\n# just a comm|ent\n"), undefined);
  });
});
