// `unitsmith calendar` against `systemd-analyze calendar` run with the same arguments.
import assert from "node:assert/strict";
import { test } from "node:test";
import { hasSystemdAnalyze, runAnalyze } from "../../server/test/values/systemdAnalyze";
import { unitsmith } from "./run";

const skip = !hasSystemdAnalyze() && "systemd-analyze is not installed";

/** "From now" counts from the moment each tool ran; keep only which side of now it falls on. */
function steady(text: string): string {
  return text.replace(/From now: .*?(ago|left|now)$/gm, "From now: … $1");
}

const CASES: { timeZone: string; args: string[] }[] = [
  {
    timeZone: "Europe/Berlin",
    args: ["--iterations=4", "--base-time=2026-10-24 23:45 UTC", "daily", "Mon..Fri 02:30 Europe/Berlin", "*-*~01", "*:0/20"],
  },
  { timeZone: "UTC", args: ["--iterations", "12", "--base-time=@1792800000", "minutely", "Sat,Sun *-*-* 1..3:00/30 America/New_York"] },
  {
    timeZone: "America/New_York",
    args: ["--base-time=2026-03-08 06:00 UTC", "--iterations=3", "*-*-* 01,02,03:30", "hourly", "*-*-* 01:30,02:30,03:30"],
  },
  { timeZone: "UTC", args: ["bogus", "5min", "tomorrow", "daily", "*-02-31", "2024-01-01 12:00"] },
  { timeZone: "Europe/Berlin", args: ["weekly", "quarterly"] },
  // Zones the runtime's locale data names only by offset; the tz file has JST, IST, AEDT.
  { timeZone: "Asia/Tokyo", args: ["--iterations=2", "--base-time=2026-03-28 23:15 UTC", "*-*-* 02:30", "Sun 09:00 Europe/London"] },
  { timeZone: "Asia/Kolkata", args: ["--base-time=2026-12-02 10:00 UTC", "hourly"] },
  { timeZone: "Australia/Sydney", args: ["--iterations=3", "--base-time=2026-04-04 15:00 UTC", "*-*-* 02:30", "*:0/30"] },
];

for (const { timeZone, args } of CASES) {
  test(`unitsmith calendar ${args.join(" ")} (TZ=${timeZone}) prints what systemd-analyze prints`, { skip }, async () => {
    const options = args.filter((arg, i) => arg.startsWith("--") || args[i - 1] === "--iterations");
    const expressions = args.filter((arg) => !options.includes(arg));
    const env = { ...process.env, TZ: timeZone };
    const [ours, theirs] = await Promise.all([
      unitsmith(["calendar", ...args], process.cwd(), undefined, env),
      runAnalyze("calendar", expressions, options, timeZone),
    ]);
    assert.equal(steady(ours.stdout), steady(theirs.stdout));
    assert.equal(ours.stderr, theirs.stderr);
    assert.equal(ours.code, theirs.code);
  });
}

test("unitsmith calendar refuses bad options with a usage error", async () => {
  for (const args of [["calendar"], ["calendar", "--iterations=0", "daily"], ["calendar", "--base-time=soon", "daily"]]) {
    const run = await unitsmith(args, process.cwd());
    assert.equal(run.code, 2, args.join(" "));
    assert.match(run.stderr, /unitsmith calendar: /);
    assert.equal(run.stdout, "");
  }
});
