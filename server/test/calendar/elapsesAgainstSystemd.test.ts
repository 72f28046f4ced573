// Compares `unitsmith calendar`'s output (normalised form and the next 5 elapses, local and UTC) with
// the installed `systemd-analyze calendar`, in several local zones and from several base times.
import assert from "node:assert/strict";
import { test } from "node:test";
import { calendarBlock } from "../../src/language/calendar/calendarReport";
import { clockFor } from "../../src/language/calendar/localZone";
import { localZoneNames } from "../../src/cli/localZoneNames";
import { hasSystemdAnalyze, runAnalyze } from "../values/systemdAnalyze";
import { calendarSamples, installedOnCalendar } from "./calendarSamples";

const ITERATIONS = 5;
const BATCH = 150;
/** Local zones north and south, with their abbreviations read from the tz files as the CLI reads them. */
const LOCAL_ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Australia/Sydney"];
/** The local zones' own abbreviations as a suffix pin daylight saving time on or off. */
const LOCAL_ABBREVIATIONS = ["*-*-* 02:30 CET", "*-*-* 02:30:00 CEST", "Sun *-*-* 01:00..03:00/30 EST", "*-*-* 12:00 EDT", "*:0/15 CEST"];
/** Before the European and American clock changes, at the turn of the year, and at the end of a short month. */
const BASE_TIMES = [
  "2026-03-07 22:30:00 UTC",
  "2026-03-28 23:15:00 UTC",
  "2026-10-24 23:45:00 UTC",
  "2026-12-27 08:00:00 UTC",
  "2027-02-26 12:00:00 UTC",
];

/** One block per expression, without the "From now" lines (they count from the moment each tool ran). */
function blocks(stdout: string): string[] {
  const out = [""];
  for (const line of stdout.replace(/\n$/, "").split("\n")) {
    if (line === "") out.push("");
    else if (!line.trimStart().startsWith("From now:")) out[out.length - 1] += `${line}\n`;
  }
  return out;
}

async function ours(expressions: string[], timeZone: string, base: string): Promise<string[]> {
  // One clock per batch: mktime's state carries from one expression to the next within a process.
  const clock = clockFor(timeZone, await localZoneNames(timeZone));
  const baseUsec = Date.parse(base.replace(" UTC", "Z").replace(" ", "T")) * 1000;
  const text = expressions
    .map((expression) => {
      const block = calendarBlock(expression, { iterations: ITERATIONS, baseUsec, nowUsec: baseUsec, clock });
      return block.ok ? block.text : "";
    })
    .join("\n");
  return blocks(text);
}

test(
  "calendar elapses agree with systemd-analyze calendar --iterations=5",
  { skip: !hasSystemdAnalyze() && "systemd-analyze is not installed" },
  async () => {
    const samples = [...installedOnCalendar(), ...LOCAL_ABBREVIATIONS, ...calendarSamples(600, 20261202)];
    const batches: string[][] = [];
    for (let i = 0; i < samples.length; i += BATCH) batches.push(samples.slice(i, i + BATCH));
    const disagreements: string[] = [];
    let compared = 0;
    let elapses = 0;
    for (const timeZone of LOCAL_ZONES) {
      for (const base of BASE_TIMES) {
        const runs = await Promise.all(
          batches.map((batch) => runAnalyze("calendar", batch, [`--iterations=${ITERATIONS}`, `--base-time=${base}`], timeZone)),
        );
        for (const [b, run] of runs.entries()) {
          const expected = blocks(run.stdout);
          const got = await ours(batches[b]!, timeZone, base);
          assert.equal(expected.length, batches[b]!.length, "one output block per expression");
          batches[b]!.forEach((expression, i) => {
            compared++;
            elapses += (expected[i]!.match(/Next elapse: \w{3} |Iter\. #/g) ?? []).length;
            if (got[i] !== expected[i]) {
              disagreements.push(
                `TZ=${timeZone} --base-time='${base}' ${JSON.stringify(expression)}\n--- systemd\n${expected[i]}\n--- ours\n${got[i]}`,
              );
            }
          });
        }
      }
    }
    console.log(`calendar elapses: ${compared} comparisons, ${elapses} elapses, ${disagreements.length} disagreements`);
    assert.ok(elapses > compared * 3, `most expressions elapse (${elapses} elapses in ${compared} comparisons)`);
    assert.deepEqual(disagreements.slice(0, 10), []);
  },
);
