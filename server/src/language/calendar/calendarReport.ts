import { parseCalendar } from "../values/calendar";
import { formatRelative, formatTimestamp } from "./formatTimestamp";
import { isUtcAllYear, zoneAbbreviations } from "./localZone";
import { nextElapse } from "./nextElapse";
import type { ZoneClock } from "./zoneClock";

export interface CalendarReportOptions {
  /** How many elapses to list. */
  iterations: number;
  /** The time the first elapse follows, in microseconds since the epoch. */
  baseUsec: number;
  /** "From now" counts from here. */
  nowUsec: number;
  /** The local zone, with the mktime state that carries from one expression to the next. */
  clock: ZoneClock;
}

/** One expression's block of `systemd-analyze calendar` output, or the error it prints instead. */
export type CalendarBlock = { ok: true; text: string } | { ok: false; error: string; invalid: boolean };

const LABEL_WIDTH = "Normalized form:".length;

function table(rows: [string, string][]): string {
  return rows.map(([label, value]) => `${label.padStart(LABEL_WIDTH)} ${value}\n`).join("");
}

/** What `systemd-analyze calendar` prints for one expression, computed here. */
export function calendarBlock(expression: string, options: CalendarReportOptions): CalendarBlock {
  const { clock, nowUsec } = options;
  const nowSeconds = Math.floor(nowUsec / 1_000_000);
  const parsed = parseCalendar(expression, { localZoneAbbreviations: zoneAbbreviations(clock, nowSeconds) });
  if (!parsed.ok) return { ok: false, invalid: true, error: `Failed to parse calendar specification '${expression}': Invalid argument` };
  const rows: [string, string][] = [];
  if (parsed.normalized !== expression) rows.push(["Original form:", expression]);
  rows.push(["Normalized form:", parsed.normalized]);
  const utc = clock.fork(undefined);
  const showUtc = !isUtcAllYear(clock, nowSeconds);
  let after = options.baseUsec;
  for (let i = 0; i < options.iterations; i++) {
    const next = nextElapse(parsed.spec, after, clock);
    if (!next.ok) {
      if (next.reason === "stuck")
        return { ok: false, invalid: false, error: `Failed to determine next elapse for '${expression}': Resource deadlock avoided` };
      if (i === 0) rows.push(["Next elapse:", "never"]);
      break;
    }
    rows.push([i === 0 ? "Next elapse:" : `Iter. #${i + 1}:`, formatTimestamp(next.usec, clock)]);
    if (showUtc) rows.push(["(in UTC):", formatTimestamp(next.usec, utc)]);
    rows.push(["From now:", formatRelative(next.usec, nowUsec)]);
    after = next.usec;
  }
  return { ok: true, text: table(rows) };
}
