import { isKnownTimezone } from "../values/calendar";
import { parseTimeSpan } from "../values/timeSpan";
import { zoneAbbreviations } from "./localZone";
import type { BrokenDownTime, ZoneClock } from "./zoneClock";

const USEC_PER_SEC = 1_000_000;
const WEEKDAYS: readonly (readonly [string, number])[] = [
  ["sunday", 0],
  ["sun", 0],
  ["monday", 1],
  ["mon", 1],
  ["tuesday", 2],
  ["tue", 2],
  ["wednesday", 3],
  ["wed", 3],
  ["thursday", 4],
  ["thu", 4],
  ["friday", 5],
  ["fri", 5],
  ["saturday", 6],
  ["sat", 6],
];
const DATE_TIME = /^(\d{2}|\d{4})-(\d{1,2})-(\d{1,2})(?: (\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d+))?)?)?$/;
const TIME = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d+))?)?$/;

function span(text: string): number | undefined {
  const parsed = parseTimeSpan(text);
  return parsed.ok && !parsed.infinity ? Number(parsed.usec) : undefined;
}

/** Fields of a date and time, or undefined when the text is neither form; `tm` holds today's date. */
function readFields(text: string, tm: BrokenDownTime): { usec: number } | undefined {
  // Microseconds, the seventh digit rounding the sixth.
  const fraction = (digits: string | undefined) =>
    digits ? Number(digits.slice(0, 6).padEnd(6, "0")) + Number((digits[6] ?? "0") >= "5") : 0;
  const date = DATE_TIME.exec(text);
  if (date) {
    const [, year, month, day, hour, minute, second, micro] = date;
    const y = Number(year);
    tm.year = year!.length === 2 ? (y < 69 ? 2000 + y : 1900 + y) : y;
    Object.assign(tm, {
      mon: Number(month) - 1,
      mday: Number(day),
      hour: Number(hour ?? 0),
      min: Number(minute ?? 0),
      sec: Number(second ?? 0),
    });
    const valid = tm.mon <= 11 && tm.mday >= 1 && tm.mday <= 31 && tm.hour <= 23 && tm.min <= 59 && tm.sec <= 61;
    return valid ? { usec: fraction(micro) } : undefined;
  }
  const time = TIME.exec(text);
  if (!time) return undefined;
  const [, hour, minute, second, micro] = time;
  Object.assign(tm, { hour: Number(hour), min: Number(minute), sec: Number(second ?? 0) });
  return tm.hour <= 23 && tm.min <= 59 && tm.sec <= 61 ? { usec: fraction(micro) } : undefined;
}

/**
 * The common forms of systemd's timestamps, as `--base-time=` takes them: "2026-12-02 10:00:00 UTC",
 * "12:00", "@1700000000", "now", "today", "tomorrow", "-2h", "3 days ago", with an optional weekday
 * before and UTC or the local zone's abbreviation after. Microseconds since the epoch, or undefined.
 */
export function parseTimestamp(input: string, clock: ZoneClock, nowUsec: number): number | undefined {
  let text = input;
  if (text.startsWith("@")) return span(text.slice(1));
  if (text === "now") return nowUsec;
  if (text.startsWith("+") || text.startsWith("-")) {
    const delta = span(text.slice(1));
    return delta === undefined ? undefined : text[0] === "+" ? nowUsec + delta : nowUsec - delta;
  }
  for (const [suffix, sign] of [
    [" ago", -1],
    [" left", 1],
  ] as const) {
    if (!text.endsWith(suffix)) continue;
    const delta = span(text.slice(0, -suffix.length));
    return delta === undefined ? undefined : nowUsec + sign * delta;
  }
  let zone = clock;
  let isdst = -1;
  const lastSpace = text.lastIndexOf(" ");
  const last = text.slice(lastSpace + 1);
  if (lastSpace > 0 && last.toLowerCase() === "utc") {
    zone = clock.fork(undefined);
    text = text.slice(0, lastSpace);
  } else if (lastSpace > 0) {
    // systemd 252 fails on any time zone name after a timestamp, UTC apart ("CET" and "EST" name zone files too).
    if (isKnownTimezone(last)) return undefined;
    const names = zoneAbbreviations(clock, Math.floor(nowUsec / USEC_PER_SEC));
    const index = names.findIndex((name) => name.toLowerCase() === last.toLowerCase());
    if (index >= 0) {
      isdst = index;
      text = text.slice(0, lastSpace);
    }
  }
  const tm = zone.localtime(Math.floor(nowUsec / USEC_PER_SEC));
  tm.isdst = isdst;
  let usec = 0;
  const relativeDays: Record<string, number> = { today: 0, yesterday: -1, tomorrow: 1 };
  let weekday = -1;
  if (text in relativeDays) {
    Object.assign(tm, { mday: tm.mday + relativeDays[text]!, hour: 0, min: 0, sec: 0 });
  } else {
    const match = WEEKDAYS.find(([name]) => text.toLowerCase().startsWith(`${name} `));
    if (match) {
      weekday = match[1];
      text = text.slice(match[0].length + 1);
    }
    const fields = readFields(text, tm);
    if (!fields) return undefined;
    usec = fields.usec;
  }
  const seconds = zone.mktime(tm);
  if (seconds === undefined || (weekday >= 0 && tm.wday !== weekday)) return undefined;
  return seconds * USEC_PER_SEC + usec;
}
