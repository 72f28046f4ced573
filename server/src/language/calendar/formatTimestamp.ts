import type { ZoneClock } from "./zoneClock";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const USEC_PER_SEC = 1_000_000;
const USEC_PER_MINUTE = 60 * USEC_PER_SEC;
const USEC_PER_HOUR = 60 * USEC_PER_MINUTE;
const USEC_PER_DAY = 24 * USEC_PER_HOUR;
const USEC_PER_WEEK = 7 * USEC_PER_DAY;
const USEC_PER_MONTH = 2629800 * USEC_PER_SEC;
const USEC_PER_YEAR = 31557600 * USEC_PER_SEC;

const two = (n: number) => String(n).padStart(2, "0");

/** "Mon 2026-12-07 09:00:00 CET": the instant in the clock's zone, seconds rounded down, as systemd prints it. */
export function formatTimestamp(usec: number, clock: ZoneClock): string {
  const seconds = Math.floor(usec / USEC_PER_SEC);
  const tm = clock.localtime(seconds);
  const date = `${String(tm.year).padStart(4, "0")}-${two(tm.mon + 1)}-${two(tm.mday)}`;
  return `${WEEKDAYS[tm.wday]} ${date} ${two(tm.hour)}:${two(tm.min)}:${two(tm.sec)} ${clock.abbreviation(seconds)}`;
}

const plural = (n: number, word: string) => `${n} ${n === 1 ? word : `${word}s`}`;

/** How far `usec` lies from `nowUsec`, in systemd's two-unit wording: "1 week 4 days left", "7h ago". */
export function formatRelative(usec: number, nowUsec: number): string {
  const d = Math.abs(usec - nowUsec);
  const side = nowUsec > usec ? "ago" : "left";
  const whole = (a: number, b: number) => Math.floor(a / b);
  if (d >= USEC_PER_YEAR)
    return `${plural(whole(d, USEC_PER_YEAR), "year")} ${plural(whole(d % USEC_PER_YEAR, USEC_PER_MONTH), "month")} ${side}`;
  if (d >= USEC_PER_MONTH)
    return `${plural(whole(d, USEC_PER_MONTH), "month")} ${plural(whole(d % USEC_PER_MONTH, USEC_PER_DAY), "day")} ${side}`;
  if (d >= USEC_PER_WEEK)
    return `${plural(whole(d, USEC_PER_WEEK), "week")} ${plural(whole(d % USEC_PER_WEEK, USEC_PER_DAY), "day")} ${side}`;
  if (d >= 2 * USEC_PER_DAY) return `${whole(d, USEC_PER_DAY)} days ${side}`;
  if (d >= 25 * USEC_PER_HOUR) return `1 day ${whole(d - USEC_PER_DAY, USEC_PER_HOUR)}h ${side}`;
  if (d >= 6 * USEC_PER_HOUR) return `${whole(d, USEC_PER_HOUR)}h ${side}`;
  if (d >= USEC_PER_HOUR) return `${whole(d, USEC_PER_HOUR)}h ${whole(d % USEC_PER_HOUR, USEC_PER_MINUTE)}min ${side}`;
  if (d >= 5 * USEC_PER_MINUTE) return `${whole(d, USEC_PER_MINUTE)}min ${side}`;
  if (d >= USEC_PER_MINUTE) return `${whole(d, USEC_PER_MINUTE)}min ${whole(d % USEC_PER_MINUTE, USEC_PER_SEC)}s ${side}`;
  if (d >= USEC_PER_SEC) return `${whole(d, USEC_PER_SEC)}s ${side}`;
  if (d >= 1000) return `${whole(d, 1000)}ms ${side}`;
  return d > 0 ? `${d}us ${side}` : "now";
}
