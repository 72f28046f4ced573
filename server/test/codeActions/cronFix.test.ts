import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lines } from "../semantic/semanticLint";
import { applyFix, codesIn, fixesFor } from "./applyFix";

describe("quick fix: a cron schedule in OnCalendar=", () => {
  it("converts it to the calendar event, which then passes", async () => {
    const { text, action } = await applyFix("backup.timer", lines("[Timer]", "OnCalendar=0 3 * * 1-5", "Persistent=true"), "invalid-value");
    assert.equal(text, lines("[Timer]", "OnCalendar=Mon..Fri *-*-* 03:00:00", "Persistent=true"));
    assert.equal(action.isPreferred, true);
    assert.deepEqual(await codesIn("backup.timer", text), []);
  });

  it("writes two OnCalendar= lines when cron would run on either day field", async () => {
    const { text } = await applyFix("backup.timer", lines("[Timer]", "OnCalendar=30 2 1,15 * sun"), "invalid-value");
    assert.equal(text, lines("[Timer]", "OnCalendar=*-*-01,15 02:30:00", "OnCalendar=Sun *-*-* 02:30:00"));
    assert.deepEqual(await codesIn("backup.timer", text), []);
  });

  it("converts nicknames, and offers nothing for values that are not cron schedules", async () => {
    assert.equal(
      (await applyFix("a.timer", lines("[Timer]", "OnCalendar=@weekly"), "invalid-value")).text,
      lines("[Timer]", "OnCalendar=Sun *-*-* 00:00:00"),
    );
    assert.deepEqual(await fixesFor("a.timer", lines("[Timer]", "OnCalendar=Mon 25:00"), "invalid-value"), []);
    assert.deepEqual(await fixesFor("a.timer", lines("[Timer]", "OnCalendar=61 * * * *"), "invalid-value"), []);
  });
});
