import { USEC_PER_SEC, type CalendarComponent, type CalendarSpec } from "../values/calendarSpec";
import { ZoneClock, type BrokenDownTime } from "./zoneClock";

const FIELDS = ["year", "mon", "mday", "hour", "min", "sec"] as const;
type Field = (typeof FIELDS)[number];
/** Past this year systemd stops looking, so impossible dates such as *-02-31 end. */
const MAX_YEAR = 2199;
/** systemd's safety valve against a calculation that does not settle. */
const MAX_ITERATIONS = 1000;

export type ElapseResult = { ok: true; usec: number } | { ok: false; reason: "never" | "stuck" };

class NoMatch {}

/** The day `day` days before the end of tm's month (0 = its last day), or -1. */
function endOfMonth(clock: ZoneClock, tm: BrokenDownTime, day: number): number {
  const t = { ...tm, mon: tm.mon + 1, mday: 1 - day };
  if (clock.mktime(t) === undefined || t.mon !== tm.mon) return -1;
  return t.mday;
}

/**
 * The earliest value at or after `value` that one of the chain's elements allows; undefined for `*`
 * (anything goes), NoMatch when none does.
 */
function matchChain(
  clock: ZoneClock,
  chain: CalendarComponent[] | null,
  backwards: boolean,
  tm: BrokenDownTime,
  value: number,
): number | undefined | NoMatch {
  if (!chain) return undefined;
  let best: number | undefined;
  for (const c of chain) {
    let start = c.start;
    let stop = c.stop;
    if (backwards) {
      start = endOfMonth(clock, tm, c.start);
      stop = endOfMonth(clock, tm, c.stop);
      if (stop > 0) [start, stop] = [stop, start];
    }
    if (start >= value) {
      if (best === undefined || start < best) best = start;
    } else if (c.repeat > 0) {
      const k = start + c.repeat * Math.ceil((value - start) / c.repeat);
      if ((best === undefined || k < best) && (stop < 0 || k <= stop)) best = k;
    }
  }
  return best ?? new NoMatch();
}

/** systemd's tm_within_bounds(): 1 unchanged, 0 moved forwards by normalisation (tm updated), -1 refused. */
function withinBounds(clock: ZoneClock, tm: BrokenDownTime): number {
  if (tm.year > MAX_YEAR) return -1;
  const t = { ...tm };
  if (clock.mktime(t) === undefined) return -1;
  let cmp: number;
  if ((cmp = Math.sign(t.year - tm.year)) !== 0) t.mon = 0;
  else if ((cmp = Math.sign(t.mon - tm.mon)) !== 0) t.mday = 1;
  else if ((cmp = Math.sign(t.mday - tm.mday)) !== 0) t.hour = 0;
  else if ((cmp = Math.sign(t.hour - tm.hour)) !== 0) t.min = 0;
  else if ((cmp = Math.sign(t.min - tm.min)) !== 0) t.sec = 0;
  else cmp = Math.sign(t.sec - tm.sec);
  if (cmp < 0) return -1;
  if (cmp > 0) Object.assign(tm, t);
  return cmp === 0 ? 1 : 0;
}

function matchesWeekday(clock: ZoneClock, bits: number, tm: BrokenDownTime): boolean {
  if (bits <= 0 || bits >= 127) return true;
  const t = { ...tm };
  if (clock.mktime(t) === undefined) return false;
  return (bits & (1 << (t.wday === 0 ? 6 : t.wday - 1))) !== 0;
}

function compareFields(a: BrokenDownTime, b: BrokenDownTime): number {
  for (const field of FIELDS) {
    if (a[field] !== b[field]) return Math.sign(a[field] - b[field]);
  }
  return 0;
}

/**
 * systemd 252's find_next(): walks the fields from the year down, moving the time forwards until
 * every field matches. Mutates `start` to the answer; returns its microseconds or a failure.
 */
function findNext(spec: CalendarSpec, clock: ZoneClock, start: BrokenDownTime, startUsec: number): number | "never" | "stuck" {
  const c: BrokenDownTime = { ...start };
  const dst = spec.dst ?? -1;
  let usec = startUsec;
  let invalidateDst = false;
  /** Sets `from` and every smaller field to its lowest value. */
  const reset = (from: Field) => {
    for (const field of FIELDS.slice(FIELDS.indexOf(from))) c[field] = field === "mday" ? 1 : 0;
    usec = 0;
  };
  /** Nothing fits in the current larger field: move to the next one and start this field over. */
  const carry = (field: Field) => {
    c[FIELDS[FIELDS.indexOf(field) - 1]!]++;
    reset(field);
  };
  /** Moves `field` (month counted from 1) to its next match; true when the time is settled that far. */
  const advance = (field: "mon" | "mday" | "hour" | "min", chain: CalendarComponent[] | null): boolean => {
    const shift = field === "mon" ? 1 : 0;
    const r = matchChain(clock, chain, field === "mday" && spec.endOfMonth, c, c[field] + shift);
    if (!(r instanceof NoMatch) && r !== undefined && r - shift !== c[field]) {
      c[field] = r - shift;
      reset(FIELDS[FIELDS.indexOf(field) + 1]!);
    }
    const bounds = r instanceof NoMatch ? -1 : withinBounds(clock, c);
    if (bounds < 0) carry(field);
    // 0: normalisation moved the time (a day past the month's end, an hour the clocks skip): start over.
    return bounds === 1;
  };
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    clock.mktime(c);
    if (!invalidateDst) c.isdst = dst;

    const year = matchChain(clock, spec.year, false, c, c.year);
    if (year instanceof NoMatch) return "never";
    if (year !== undefined && year !== c.year) {
      c.year = year;
      reset("mon");
    }
    if (withinBounds(clock, c) <= 0) return "never";
    if (!advance("mon", spec.month) || !advance("mday", spec.day)) continue;
    if (!matchesWeekday(clock, spec.weekdays, c)) {
      carry("hour");
      continue;
    }
    if (!advance("hour", spec.hour) || !advance("min", spec.minute)) continue;

    const second = matchChain(clock, spec.second, false, c, c.sec * USEC_PER_SEC + usec);
    if (!(second instanceof NoMatch) && second !== undefined) {
      usec = second % USEC_PER_SEC;
      c.sec = Math.floor(second / USEC_PER_SEC);
    }
    const bounds = second instanceof NoMatch ? -1 : withinBounds(clock, c);
    if (bounds < 0) carry("sec");
    if (bounds !== 1) continue;

    if ((compareFields(start, c) || Math.sign(startUsec - (usec + 1))) >= 0) {
      // Stuck on a time that is not later: step an hour and let mktime settle the daylight saving flag.
      invalidateDst = true;
      c.hour++;
      continue;
    }
    Object.assign(start, c);
    return usec;
  }
  return "stuck";
}

/** The first time after `afterUsec` (microseconds since the epoch) that the event elapses, as systemd computes it. */
export function nextElapse(spec: CalendarSpec, afterUsec: number, clock: ZoneClock): ElapseResult {
  const zoned = spec.utc ? clock.fork(undefined) : spec.timezone !== undefined ? clock.fork(spec.timezone) : clock;
  const usec = afterUsec + 1;
  const seconds = Math.floor(usec / USEC_PER_SEC);
  const tm = zoned.localtime(seconds);
  const found = findNext(spec, zoned, tm, usec % USEC_PER_SEC);
  if (found === "never" || found === "stuck") return { ok: false, reason: found };
  const t = zoned.mktime(tm);
  if (t === undefined) return { ok: false, reason: "never" };
  return { ok: true, usec: t * USEC_PER_SEC + found };
}
