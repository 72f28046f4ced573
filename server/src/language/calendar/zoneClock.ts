import { civilFromDays, daysFromCivil, SECONDS_PER_DAY } from "./civil";
import type { ZoneNames } from "./tzif";
import { zoneAbbreviation } from "./zoneNames";

/**
 * Broken-down time as C's struct tm holds it, except that `year` is the full year. Fields may be out
 * of range before `mktime` normalises them, as systemd's calendar arithmetic relies on.
 */
export interface BrokenDownTime {
  year: number;
  /** 0..11 */
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
  /** 1 daylight saving time, 0 standard time, -1 unknown (let mktime decide). */
  isdst: number;
  /** 0 = Sunday; only meaningful after localtime or mktime. */
  wday: number;
}

/** Seconds since the epoch that the fields name, read as if the zone were UTC; out-of-range fields carry over. */
function fieldSeconds(tm: BrokenDownTime): number {
  const yearCarry = Math.floor(tm.mon / 12);
  const month = tm.mon - yearCarry * 12;
  const days = daysFromCivil(tm.year + yearCarry, month + 1, 1) + tm.mday - 1;
  return days * SECONDS_PER_DAY + tm.hour * 3600 + tm.min * 60 + tm.sec;
}

function utcBrokenDown(seconds: number, isdst: number): BrokenDownTime {
  const days = Math.floor(seconds / SECONDS_PER_DAY);
  const rest = seconds - days * SECONDS_PER_DAY;
  const { year, month, day, weekday } = civilFromDays(days);
  return {
    year,
    mon: month - 1,
    mday: day,
    hour: Math.floor(rest / 3600),
    min: Math.floor((rest % 3600) / 60),
    sec: rest % 60,
    isdst,
    wday: weekday,
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function fieldsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC in seconds at an instant, from the runtime's time zone database. */
export function zoneOffset(zone: string, seconds: number): number {
  const parts: Record<string, string> = {};
  for (const part of fieldsFormatter(zone).formatToParts(new Date(seconds * 1000))) parts[part.type] = part.value;
  const year = parts.era === "BC" ? 1 - Number(parts.year) : Number(parts.year);
  const local = daysFromCivil(year, Number(parts.month), Number(parts.day)) * SECONDS_PER_DAY;
  return local + Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second) - seconds;
}

/** Whether `zone` names a zone the runtime knows. */
export function isRuntimeZone(zone: string): boolean {
  try {
    fieldsFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** How many probes C's mktime makes before it gives up. */
const MKTIME_PROBES = 6;
/** mktime's step when it looks for a neighbouring time with the requested daylight saving flag. */
const DST_STRIDE = 601200;
const DST_SEARCH_BOUND = 536454000 / 2 + DST_STRIDE;

/**
 * localtime() and mktime() for one time zone (or UTC), behaving as glibc does: mktime starts from
 * the offset its previous call found, so a clock carries that state between calls, as a process does.
 */
export class ZoneClock {
  /** The result of the last mktime minus the field seconds it was asked for (glibc's cached guess). */
  private shift = 0;

  /** `zone` undefined means UTC (timegm/gmtime); `names` are the zone's abbreviations from its tz file, where read. */
  constructor(
    readonly zone: string | undefined,
    private readonly names?: ZoneNames,
  ) {}

  /** A clock for another zone that starts with this one's cached state, as a forked child process does. */
  fork(zone: string | undefined): ZoneClock {
    const child = new ZoneClock(zone, zone === this.zone ? this.names : undefined);
    child.shift = this.shift;
    return child;
  }

  offset(seconds: number): number {
    return this.zone === undefined ? 0 : zoneOffset(this.zone, seconds);
  }

  /** Whether the offset at `seconds` is ahead of the year's standard (smaller) offset. */
  private isDst(seconds: number, offset: number): number {
    if (this.zone === undefined) return 0;
    const { year } = civilFromDays(Math.floor((seconds + offset) / SECONDS_PER_DAY));
    const january = daysFromCivil(year, 1, 1) * SECONDS_PER_DAY;
    const july = daysFromCivil(year, 7, 1) * SECONDS_PER_DAY;
    return offset > Math.min(this.offset(january), this.offset(july)) ? 1 : 0;
  }

  localtime(seconds: number): BrokenDownTime {
    const offset = this.offset(seconds);
    return utcBrokenDown(seconds + offset, this.isDst(seconds, offset));
  }

  abbreviation(seconds: number): string {
    if (this.zone === undefined) return "UTC";
    const offset = this.offset(seconds);
    return this.names?.(seconds, offset) ?? zoneAbbreviation(this.zone, seconds, offset);
  }

  /** Normalises `tm` in place and returns its instant in seconds, or undefined where mktime fails. */
  mktime(tm: BrokenDownTime): number | undefined {
    const wanted = fieldSeconds(tm);
    if (this.zone === undefined) {
      Object.assign(tm, utcBrokenDown(wanted, 0));
      return wanted;
    }
    const isdst = tm.isdst;
    const start = wanted + this.shift;
    let t = start;
    let t1 = start;
    let t2 = start;
    let dst2 = 0;
    let probes = MKTIME_PROBES;
    let found = this.localtime(t);
    for (;;) {
      const dt = wanted - fieldSeconds(found);
      if (dt === 0) break;
      const preferred = isdst < 0 ? dst2 <= found.isdst : (isdst !== 0) !== (found.isdst !== 0);
      // Oscillating between two instants: the fields fall into a spring-forward gap.
      if (t === t1 && t !== t2 && preferred) return this.settle(tm, t, start, found);
      if (--probes === 0) return undefined;
      t1 = t2;
      t2 = t;
      t += dt;
      dst2 = found.isdst;
      found = this.localtime(t);
    }
    if (isdst >= 0 && found.isdst !== isdst) {
      // Right fields, wrong daylight saving flag: borrow the offset of the nearest time that has it.
      for (let delta = DST_STRIDE; delta < DST_SEARCH_BOUND; delta += DST_STRIDE) {
        for (const direction of [-1, 1]) {
          const probe = t + delta * direction;
          const other = this.localtime(probe);
          if (other.isdst !== isdst) continue;
          const corrected = probe + wanted - fieldSeconds(other);
          return this.settle(tm, corrected, start, this.localtime(corrected));
        }
      }
      return undefined;
    }
    return this.settle(tm, t, start, found);
  }

  private settle(tm: BrokenDownTime, t: number, start: number, found: BrokenDownTime): number {
    this.shift += t - start;
    Object.assign(tm, found);
    return t;
  }
}
