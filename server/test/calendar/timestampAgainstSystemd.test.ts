// --base-time= reads timestamps as `systemd-analyze timestamp` does: same instant, same refusals.
import assert from "node:assert/strict";
import { test } from "node:test";
import { clockFor } from "../../src/language/calendar/localZone";
import { parseTimestamp } from "../../src/language/calendar/parseTimestamp";
import { hasSystemdAnalyze, runAnalyze } from "../values/systemdAnalyze";

const FORMS = [
  "2026-12-02 10:00:05",
  "2026-12-02 10:00:05.5",
  "2026-12-02 10:00:05.1234567",
  "2026-12-02 10:00",
  "2026-12-02",
  "26-12-02 10:00",
  "70-01-02",
  "2026-2-3 4:5",
  "2026-02-31 12:00",
  "2026-12-02 10:00:60",
  "2026-13-01",
  "2026-12-02 25:00",
  "Wed 2026-12-02 10:00",
  "wednesday 2026-12-02",
  "Tue 2026-12-02 10:00",
  "2026-12-02 10:00 UTC",
  "2026-12-02 10:00 utc",
  "2026-12-02 10:00:05.25 UTC",
  "2026-07-01 12:00 CEST",
  "2026-07-01 12:00 CET",
  "2026-07-01 12:00 EDT",
  "2026-01-01 12:00 EST",
  "2026-12-02 10:00 Asia/Tokyo",
  "2026-03-29 02:30",
  "2026-10-25 02:30",
  "2026-03-08 02:30",
  "2026-11-01 01:30",
  "@1796202005",
  "@1796202005.5",
  "@0",
  "12:00 tomorrow",
  "bogus",
  "2026-12-02T10:00",
];

test("timestamps agree with systemd-analyze timestamp", { skip: !hasSystemdAnalyze() && "systemd-analyze is not installed" }, async () => {
  const disagreements: string[] = [];
  for (const timeZone of ["UTC", "Europe/Berlin", "America/New_York"]) {
    const run = await runAnalyze("timestamp", FORMS, [], timeZone);
    // One clock for the run: mktime's guess carries from one timestamp to the next, as in the process.
    const clock = clockFor(timeZone);
    // One block per form, empty when systemd refuses it.
    const blocks: string[] = [""];
    for (const line of run.stdout.replace(/\n$/, "").split("\n")) {
      if (line === "") blocks.push("");
      else blocks[blocks.length - 1] += `${line}\n`;
    }
    assert.equal(blocks.length, FORMS.length, "one block per timestamp");
    FORMS.forEach((form, i) => {
      const m = /UNIX seconds: @(\d+)(?:\.(\d{6}))?/.exec(blocks[i]!);
      const expected = m ? Number(m[1]) * 1_000_000 + Number(m[2] ?? 0) : undefined;
      const got = parseTimestamp(form, clock, Date.now() * 1000);
      if (got !== expected) disagreements.push(`TZ=${timeZone} ${JSON.stringify(form)}: systemd ${String(expected)}, ours ${String(got)}`);
    });
  }
  assert.deepEqual(disagreements, []);
});
