/** The structure of a parsed calendar event, and its normalisation, validation and printing. */

export const USEC_PER_SEC = 1000000;
const MIN_YEAR = 1970;
const MAX_YEAR = 2199;
export const ALL_WEEKDAYS = 127;
export const INT_MAX = 2147483647;

/** One element of a comma list: a value, or a range `start..stop`, optionally repeating every `repeat`. */
export interface CalendarComponent {
  start: number;
  /** -1 when there is no range. */
  stop: number;
  /** 0 when it does not repeat. */
  repeat: number;
}

/** null stands for `*` (every value). Seconds are counted in microseconds. */
export interface CalendarSpec {
  /** Bit 0 = Monday … bit 6 = Sunday; 0 when no weekday is given. */
  weekdays: number;
  year: CalendarComponent[] | null;
  month: CalendarComponent[] | null;
  day: CalendarComponent[] | null;
  hour: CalendarComponent[] | null;
  minute: CalendarComponent[] | null;
  second: CalendarComponent[] | null;
  /** `~` between month and day: days count back from the end of the month. */
  endOfMonth: boolean;
  utc: boolean;
  timezone?: string;
  /** Set by a local zone abbreviation suffix: 0 its standard name, 1 its daylight saving name. */
  dst?: 0 | 1;
}

export type CalendarField = "year" | "month" | "day" | "hour" | "minute" | "second";

/** Two-digit years: 0..69 mean 20xx, 70..99 mean 19xx. */
export function fixYear(c: CalendarComponent): void {
  const fix = (v: number) => (v >= 0 && v < 70 ? v + 2000 : v >= 70 && v < 100 ? v + 1900 : v);
  c.start = fix(c.start);
  c.stop = fix(c.stop);
}

/** Trims a range to a whole number of repetitions and drops repetitions that can never fire. */
export function normalizeComponent(c: CalendarComponent): void {
  if (c.stop > c.start && c.repeat > 0) c.stop -= (c.stop - c.start) % c.repeat;
  if ((c.stop > c.start && c.repeat > 0 && c.start + c.repeat > c.stop) || c.start === c.stop) {
    c.repeat = 0;
    c.stop = -1;
  }
}

function compareComponents(a: CalendarComponent, b: CalendarComponent): number {
  return a.start - b.start || a.stop - b.stop || a.repeat - b.repeat;
}

/** Sorts a list and removes duplicates, as systemd does before checking and printing. */
export function sortChain<T extends { component: CalendarComponent }>(items: T[]): T[] {
  const sorted = [...items].sort((a, b) => compareComponents(a.component, b.component));
  return sorted.filter((item, i) => i === 0 || compareComponents(sorted[i - 1]!.component, item.component) !== 0);
}

export function fieldBounds(field: CalendarField, endOfMonth: boolean): [number, number] {
  switch (field) {
    case "year":
      return [MIN_YEAR, MAX_YEAR];
    case "month":
      return [1, 12];
    case "day":
      return [1, endOfMonth ? 28 : 31];
    case "hour":
      return [0, 23];
    case "minute":
      return [0, 59];
    case "second":
      return [0, 60 * USEC_PER_SEC - 1];
  }
}

/**
 * Why a (normalised) component cannot be used, or undefined when it can. `index` is its place in the
 * sorted list: systemd 252 narrows the last-days range by 3 for each further element of a `~` list.
 */
export function componentError(c: CalendarComponent, field: CalendarField, endOfMonth: boolean, index: number): string | undefined {
  const backwards = field === "day" && endOfMonth;
  const [from, fullTo] = fieldBounds(field, backwards);
  const to = backwards ? fullTo - 3 * index : fullTo;
  const unit = field === "second" ? USEC_PER_SEC : 1;
  const range = `${field === "day" && backwards ? "days from the end of the month" : `${field}s`} go from ${from / unit} to ${Math.floor(to / unit)}`;
  if (c.start < from || c.start > to) return `${range}.`;
  if (c.repeat > to - from) return `the repetition is longer than the whole range (${range}).`;
  if (c.stop >= 0) {
    if (c.stop < from || c.stop > to) return `${range}.`;
    if (c.start + c.repeat > c.stop) return "the range ends before it starts.";
  } else if (backwards ? c.start - c.repeat < from : c.start + c.repeat > to) {
    return `the repetition never fires within the range (${range}).`;
  }
  return undefined;
}

const WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function formatWeekdays(bits: number): string {
  let out = "";
  let runStart = -1;
  const closeRun = (x: number) => {
    if (runStart >= 0 && x > runStart + 1) out += (x > runStart + 2 ? ".." : ",") + WEEKDAY_NAMES[x - 1];
    runStart = -1;
  };
  for (let x = 0; x < 7; x++) {
    if (bits & (1 << x)) {
      if (runStart < 0) {
        out += (out ? "," : "") + WEEKDAY_NAMES[x];
        runStart = x;
      }
    } else closeRun(x);
  }
  closeRun(7);
  return out;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function formatChain(chain: CalendarComponent[] | null, width: number, usec: boolean): string {
  const d = usec ? USEC_PER_SEC : 1;
  if (!chain) return "*";
  if (usec && chain.some((c) => c.start === 0 && c.stop < 0 && c.repeat === USEC_PER_SEC)) return "*";
  const fraction = (v: number) => (v % d > 0 ? `.${pad(v % d, 6)}` : "");
  return chain
    .map((c) => {
      let s = pad(Math.floor(c.start / d), width) + fraction(c.start);
      if (c.stop > 0) s += ".." + pad(Math.floor(c.stop / d), width);
      if (c.stop > 0) s += fraction(c.stop);
      if (c.repeat > 0 && !(c.stop > 0 && c.repeat === d)) s += `/${Math.floor(c.repeat / d)}`;
      s += fraction(c.repeat);
      return s;
    })
    .join(",");
}

/** Prints the normalised form, as `systemd-analyze calendar` shows it. */
export function formatCalendarSpec(spec: CalendarSpec, zoneAbbreviation?: string): string {
  let out = "";
  if (spec.weekdays > 0 && spec.weekdays < ALL_WEEKDAYS) out += formatWeekdays(spec.weekdays) + " ";
  out += formatChain(spec.year, 4, false) + "-" + formatChain(spec.month, 2, false);
  out += (spec.endOfMonth ? "~" : "-") + formatChain(spec.day, 2, false);
  out += " " + formatChain(spec.hour, 2, false) + ":" + formatChain(spec.minute, 2, false);
  out += ":" + formatChain(spec.second, 2, true);
  if (spec.utc) out += " UTC";
  else if (spec.timezone) out += " " + spec.timezone;
  else if (zoneAbbreviation) out += " " + zoneAbbreviation;
  return out;
}
