// Every cron conversion is checked by systemd-analyze calendar: the events it writes must elapse
// exactly when cron would run the line.
import assert from "node:assert/strict";
import { test } from "node:test";
import { cronToCalendar } from "../../src/language/calendar/cron";
import { hasSystemdAnalyze, runAnalyze } from "../values/systemdAnalyze";
import { cronSamples, cronTimes } from "./cronReference";

const BASE = "2026-12-02 10:07:00 UTC";
const BASE_SECONDS = Date.parse("2026-12-02T10:07:00Z") / 1000;
const ITERATIONS = 5;

/** Each expression's elapses as seconds since the epoch; undefined when systemd rejects it. */
async function elapses(expressions: string[]): Promise<(number[] | undefined)[]> {
  const run = await runAnalyze("calendar", expressions, [`--iterations=${ITERATIONS}`, `--base-time=${BASE}`]);
  const out: (number[] | undefined)[] = [undefined];
  for (const line of run.stdout.replace(/\n$/, "").split("\n")) {
    if (line === "") out.push(undefined);
    const m = /(?:Next elapse|Iter\. #\d+): \w{3} (\S+) (\S+) UTC$/.exec(line);
    if (m) out[out.length - 1] = [...(out[out.length - 1] ?? []), Date.parse(`${m[1]}T${m[2]}Z`) / 1000];
    else if (/Next elapse: never/.test(line)) out[out.length - 1] = [];
  }
  return out;
}

test(
  "cron schedules convert to calendar events that elapse when cron runs them",
  { skip: !hasSystemdAnalyze() && "systemd-analyze is not installed" },
  async () => {
    const lines = [...new Set([20261202, 7, 99].flatMap((seed) => cronSamples(250, seed)))];
    const conversions = lines.map((line) => ({ line, converted: cronToCalendar(line) }));
    const expressions = conversions.flatMap(({ converted }) => (converted.ok ? converted.calendars : []));
    const results = await elapses(expressions);
    assert.equal(results.length, expressions.length, "one block per expression");
    const disagreements: string[] = [];
    let next = 0;
    let either = 0;
    for (const { line, converted } of conversions) {
      if (!converted.ok) {
        disagreements.push(`${line}: not converted (${converted.error})`);
        continue;
      }
      if (converted.calendars.length > 1) either++;
      const own = converted.calendars.map(() => results[next++]);
      if (own.some((r) => r === undefined)) {
        disagreements.push(`${line} → ${converted.calendars.join(" + ")}: systemd rejects it`);
        continue;
      }
      const merged = [...new Set(own.flatMap((r) => r!))].sort((a, b) => a - b).slice(0, ITERATIONS);
      const expected = cronTimes(line, BASE_SECONDS, ITERATIONS);
      if (merged.join() !== expected.join()) {
        const show = (ts: number[]) => ts.map((t) => new Date(t * 1000).toISOString()).join(" ");
        disagreements.push(`${line} → ${converted.calendars.join(" + ")}\n  systemd ${show(merged)}\n  cron    ${show(expected)}`);
      }
    }
    console.log(`cron: ${lines.length} schedules, ${either} needing two OnCalendar= lines, ${disagreements.length} disagreements`);
    assert.ok(either > 0, "the sample has schedules restricted by both day fields");
    assert.deepEqual(disagreements.slice(0, 10), []);
  },
);

test("cron lines that have no calendar event are refused with a reason", () => {
  for (const [line, reason] of [
    ["@reboot", /OnBootSec=/],
    ["0 3 * *", /five fields/],
    ["61 * * * *", /minute 61 is out of range/],
    ["0 5-2 * * *", /runs backwards/],
    ["0 0 * * funday", /not a number in the day of week field/],
    ["*/0 * * * *", /not a step/],
  ] as const) {
    const converted = cronToCalendar(line);
    assert.equal(converted.ok, false, line);
    if (!converted.ok) assert.match(converted.error, reason);
  }
});
