// Hovers and inlay hints on a timer's OnCalendar= and On…Sec= entries; elapses checked against systemd-analyze.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { atCursor, testService } from "../service";
import { hasSystemdAnalyze, runAnalyze } from "../values/systemdAnalyze";

const PATH = "/etc/systemd/system/backup.timer";
const BASE = "2026-10-24 23:45:00 UTC";
const schedule = { now: Date.parse("2026-10-24T23:45:00Z"), timeZone: "Europe/Berlin" };

async function hoverText(text: string): Promise<string> {
  const { document, position } = atCursor(PATH, text);
  const result = await testService({}, { clock: () => schedule }).hover(document, position);
  return result ? (result.contents as { value: string }).value : "";
}

/** The elapses systemd-analyze lists, local time with zone, from the same base time. */
async function systemdElapses(expression: string): Promise<string[]> {
  const run = await runAnalyze("calendar", [expression], ["--iterations=5", `--base-time=${BASE}`], "Europe/Berlin");
  return [...run.stdout.matchAll(/(?:Next elapse|Iter\. #\d+): (.+)$/gm)].map((m) => m[1]!);
}

describe("timer hover", { skip: !hasSystemdAnalyze() && "systemd-analyze is not installed" }, () => {
  for (const expression of ["Mon..Fri 02:30", "*-*-* 02:00..03:00/20 Europe/Berlin", "Sun *-*-* 09:00 America/New_York", "*-*~01"]) {
    it(`lists the next elapses of OnCalendar=${expression} as systemd does`, async () => {
      const text = await hoverText(`[Timer]\nOnCalendar=${expression.slice(0, 2)}|${expression.slice(2)}\n`);
      const expected = await systemdElapses(expression);
      const listed = [...text.matchAll(/^- (\w{3} \S+ \S+ \S+)/gm)].map((m) => m[1]);
      assert.deepEqual(listed, expected);
    });
  }

  it("shows the normalised form and the time in the expression's own zone", async () => {
    const text = await hoverText("[Timer]\nOnCalendar=Sun 9:0|0 America/New_York\n");
    assert.match(text, /`Sun \*-\*-\* 09:00:00 America\/New_York`/);
    // Europe has left summer time on 25 October, New York not until 1 November: 6 hours apart, then 7.
    assert.match(text, /^- Sun 2026-10-25 14:00:00 CET = Sun 2026-10-25 09:00:00 EDT America\/New_York \(in 13h\)$/m);
    assert.match(text, /^- Sun 2026-11-01 15:00:00 CET = Sun 2026-11-01 09:00:00 EST America\/New_York \(in 1 week 0 days\)$/m);
  });

  it("explains RandomizedDelaySec=, AccuracySec= and Persistent= from the same section", async () => {
    const text = await hoverText("[Timer]\nOnCalendar=dai|ly\nRandomizedDelaySec=1h\nAccuracySec=1s\nPersistent=true\n");
    assert.match(text, /RandomizedDelaySec=1h\*\*: each elapse is put off by up to 1 hour, a new random delay each time/);
    assert.match(text, /AccuracySec=1s\*\*: systemd may fire up to 1 second late/);
    assert.match(text, /Persistent=yes\*\*: an elapse missed while the machine was off runs once/);
    const plain = await hoverText("[Timer]\nOnCalendar=dai|ly\n");
    assert.match(plain, /AccuracySec=\*\* \(default 1 minute\)/);
    assert.match(plain, /Persistent=\*\* off/);
  });

  it("says when a monotonic timer elapses", async () => {
    const text = await hoverText("[Timer]\nOnBootSec=15m|in\nOnUnitActiveSec=1d\n");
    assert.match(text, /\*\*OnBootSec=15min\*\*: elapses 15 minutes after the machine booted\./);
    assert.doesNotMatch(text, /Persistent/);
    assert.match(await hoverText("[Timer]\nOnUnitInactiveSec=1|h\n"), /after the unit this timer starts last stopped/);
  });

  it("says so when the event never elapses again, and stays quiet on an invalid one", async () => {
    assert.match(await hoverText("[Timer]\nOnCalendar=2020-0|1-01\n"), /Never elapses again/);
    assert.equal(await hoverText("[Timer]\nOnCalendar=bo|gus\n"), "");
  });
});

describe("timer inlay hint", { skip: !hasSystemdAnalyze() && "systemd-analyze is not installed" }, () => {
  const hints = async (text: string, calendarElapses: boolean) => {
    const { document } = atCursor(PATH, `${text}|`);
    const range = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
    const service = testService({}, { clock: () => schedule, inlayHints: { specifiers: false, timeSpans: false, calendarElapses } });
    return (await service.inlayHints(document, range)).map((hint) => hint.label);
  };

  it("shows the next elapse after each OnCalendar= when enabled", async () => {
    const [first] = await systemdElapses("Mon..Fri 02:30");
    const labels = await hints("[Timer]\nOnCalendar=Mon..Fri 02:30\nOnCalendar=2020-01-01\nOnBootSec=5min\n", true);
    assert.equal(labels.length, 2);
    assert.ok(String(labels[0]).startsWith(`next: ${first} (in `), String(labels[0]));
    assert.equal(labels[1], "never elapses");
    assert.deepEqual(await hints("[Timer]\nOnCalendar=daily\n", false), []);
  });
});
