import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { journalFields, OUTPUT_CHOICES, PRIORITY_CHOICES, sinceProblem } from "../../client/src/operations/journalChoices";
import { parseJournalOptions } from "../../server/src/protocol/operationArguments";

describe("the journal's choices", () => {
  it("offer only priorities and output modes the server accepts", () => {
    for (const choice of PRIORITY_CHOICES) assert.equal(parseJournalOptions({ priority: choice.value }).ok, true, choice.label);
    for (const choice of OUTPUT_CHOICES) assert.equal(parseJournalOptions({ output: choice.value }).ok, true, choice.label);
  });

  it("check a typed --since time as the server will", () => {
    assert.equal(sinceProblem("3 days ago"), undefined);
    assert.match(sinceProblem("   ") ?? "", /"since" must be a time/);
    assert.match(sinceProblem("today\n--follow") ?? "", /"since" must be a time/);
  });

  it("leave out what journalctl does anyway", () => {
    assert.deepEqual(journalFields({ output: "short" }), {});
    assert.deepEqual(journalFields({ priority: "err", since: "today", output: "verbose" }), {
      priority: "err",
      since: "today",
      output: "verbose",
    });
  });
});
