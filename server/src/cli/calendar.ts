import { parseArgs } from "node:util";
import { calendarBlock } from "../language/calendar/calendarReport";
import { clockFor } from "../language/calendar/localZone";
import { parseTimestamp } from "../language/calendar/parseTimestamp";
import { parseTimeSpan } from "../language/values/timeSpan";
import { EXIT_OK, EXIT_PROBLEMS, UsageError, type CliIo } from "./io";
import { localZoneNames } from "./localZoneNames";

export const CALENDAR_USAGE = `Usage: unitsmith calendar [--iterations N] [--base-time TIME] EXPRESSION...

Prints what "systemd-analyze calendar" prints for the same arguments, computed here: each
OnCalendar= expression as written and normalised, its next elapses in the local time zone
(and in UTC when that differs) and how far away each is.

  --iterations N     list the next N elapses (default 1)
  --base-time TIME   count from TIME ("2026-12-02 10:00 UTC", "@1764669600", "tomorrow")
                     instead of now

Exit status: 0 all expressions valid, 1 some expression is invalid, 2 usage errors.`;

/** systemd's hints on stderr when the text is some other kind of time value. */
function hints(expression: string, clock: ReturnType<typeof clockFor>, nowUsec: number): string {
  let out = "";
  // Parsed in the same process as the elapses, so it moves mktime's guess as systemd's hint does.
  if (parseTimestamp(expression, clock, nowUsec) !== undefined) {
    out += `Hint: this expression is a valid timestamp. Use 'systemd-analyze timestamp "${expression}"' instead?\n`;
  }
  if (parseTimeSpan(expression).ok) {
    out += `Hint: this expression is a valid timespan. Use 'systemd-analyze timespan "${expression}"' instead?\n`;
  }
  return out;
}

export async function calendarCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { iterations: { type: "string" }, "base-time": { type: "string" }, help: { type: "boolean" } },
  });
  if (values.help) {
    io.stdout(`${CALENDAR_USAGE}\n`);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new UsageError("no calendar expression given, as in: unitsmith calendar 'Mon..Fri 09:00'");
  const iterations = values.iterations === undefined ? 1 : Number(values.iterations);
  if (!/^\d+$/.test(values.iterations ?? "1") || iterations < 1 || iterations > 1_000_000) {
    throw new UsageError(`--iterations takes a whole number of at least 1, not "${values.iterations}"`);
  }
  const clock = clockFor(Intl.DateTimeFormat().resolvedOptions().timeZone, await localZoneNames());
  const nowUsec = Date.now() * 1000;
  let baseUsec = nowUsec;
  if (values["base-time"] !== undefined) {
    const base = parseTimestamp(values["base-time"], clock, nowUsec);
    if (base === undefined) throw new UsageError(`--base-time: "${values["base-time"]}" is not a timestamp such as "2026-12-02 10:00 UTC"`);
    baseUsec = base;
  }
  let status = EXIT_OK;
  positionals.forEach((expression, index) => {
    const block = calendarBlock(expression, { iterations, baseUsec, nowUsec, clock });
    if (block.ok) io.stdout(block.text);
    else {
      io.stderr(`${block.error}\n`);
      if (block.invalid) io.stderr(hints(expression, clock, nowUsec));
      status = EXIT_PROBLEMS;
    }
    if (index < positionals.length - 1) io.stdout("\n");
  });
  return status;
}
