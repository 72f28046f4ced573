import {
  ALL_WEEKDAYS,
  INT_MAX,
  USEC_PER_SEC,
  componentError,
  fixYear,
  formatCalendarSpec,
  normalizeComponent,
  sortChain,
  type CalendarComponent,
  type CalendarField,
  type CalendarSpec,
} from "./calendarSpec";
import { problemAt, quoted, type ValueProblem } from "./problem";

export type { CalendarComponent, CalendarSpec } from "./calendarSpec";

export interface CalendarOptions {
  /** Whether a trailing word names a time zone; by default a syntactic check plus the JS runtime's zone database. */
  isTimezone?: (name: string) => boolean;
  /** The local zone's abbreviations (C's tzname, e.g. ["CET", "CEST"]), which systemd also accepts as a suffix. */
  localZoneAbbreviations?: readonly string[];
}

export type CalendarResult = { ok: true; spec: CalendarSpec; normalized: string } | { ok: false; problem: ValueProblem };

const EXAMPLES = 'Expected a calendar event such as "Mon..Fri *-*-* 09:00", "daily" or "2024-*-01 12:00:00"';
/** Past this many comma-separated elements systemd refuses a field. */
const MAX_COMPONENTS = 241;
const UINT64_MAX = (1n << 64n) - 1n;
const INT64_MAX = (1n << 63n) - 1n;
/** The furthest a JavaScript Date reaches; systemd refuses anything that far out anyway. */
const MAX_DATE_SECONDS = 8640000000000n;

const WEEKDAYS: readonly (readonly [string, number])[] = [
  ["monday", 0],
  ["mon", 0],
  ["tuesday", 1],
  ["tue", 1],
  ["wednesday", 2],
  ["wed", 2],
  ["thursday", 3],
  ["thu", 3],
  ["friday", 4],
  ["fri", 4],
  ["saturday", 5],
  ["sat", 5],
  ["sunday", 6],
  ["sun", 6],
];

type Shorthand = Partial<Record<CalendarField, number[]>> & { weekdays?: number };
const MIDNIGHT: Shorthand = { hour: [0], minute: [0], second: [0] };
const SHORTHANDS: Record<string, Shorthand> = {
  minutely: { second: [0] },
  hourly: { minute: [0], second: [0] },
  daily: MIDNIGHT,
  monthly: { ...MIDNIGHT, day: [1] },
  weekly: { ...MIDNIGHT, weekdays: 1 },
  yearly: { ...MIDNIGHT, month: [1], day: [1] },
  annually: { ...MIDNIGHT, month: [1], day: [1] },
  anually: { ...MIDNIGHT, month: [1], day: [1] },
  quarterly: { ...MIDNIGHT, month: [1, 4, 7, 10], day: [1] },
  semiannually: { ...MIDNIGHT, month: [1, 7], day: [1] },
  "semi-annually": { ...MIDNIGHT, month: [1, 7], day: [1] },
  biannually: { ...MIDNIGHT, month: [1, 7], day: [1] },
  "bi-annually": { ...MIDNIGHT, month: [1, 7], day: [1] },
};

/** The words systemd accepts in place of a calendar event ("daily", "weekly", ...). */
export const CALENDAR_SHORTHANDS: readonly string[] = Object.keys(SHORTHANDS);

class SyntaxFailure {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly detail: string,
  ) {}
}

interface Located {
  component: CalendarComponent;
  start: number;
  end: number;
}

type Chain = Located[] | null;

interface Draft {
  weekdays: number;
  fields: Partial<Record<CalendarField, Chain>>;
  endOfMonth: boolean;
  utc: boolean;
  timezone?: string;
}

/** The cursor over the value; `end` excludes a time zone suffix already taken off. */
class Cursor {
  pos = 0;
  constructor(
    readonly text: string,
    readonly end: number,
  ) {}
  at(offset = 0): string {
    const i = this.pos + offset;
    return i < this.end ? this.text[i]! : "";
  }
  skipSpaces(): void {
    while (this.at() === " ") this.pos++;
  }
  fail(detail: string, length = 1): never {
    throw new SyntaxFailure(this.pos, Math.min(this.end, this.pos + length) || this.pos, detail);
  }
}

function isDigit(c: string): boolean {
  return c >= "0" && c <= "9" && c.length === 1;
}

function runLength(cur: Cursor, pattern: RegExp): number {
  let n = 0;
  while (cur.at(n) && pattern.test(cur.at(n))) n++;
  return Math.max(n, 1);
}

function parseWeekdays(cur: Cursor, draft: Draft): void {
  let rangeFrom = -1;
  let first = true;
  for (;;) {
    const lower = cur.text.slice(cur.pos, cur.end).toLowerCase();
    const match = WEEKDAYS.find(([name]) => lower.startsWith(name));
    if (!match) {
      if (first) return;
      cur.fail("expected a weekday such as Mon or Friday.", runLength(cur, /[A-Za-z]/));
    }
    const [name, nr] = match;
    if (!["", "-", ".", ",", " "].includes(cur.at(name.length))) {
      cur.fail(`${quoted(cur.text.slice(cur.pos, cur.pos + runLength(cur, /[^ ,.-]/)))} is not a weekday.`, runLength(cur, /[^ ,.-]/));
    }
    draft.weekdays |= 1 << nr;
    if (rangeFrom >= 0) {
      if (rangeFrom > nr) cur.fail("a weekday range must run forwards, Monday to Sunday.", name.length);
      for (let j = rangeFrom + 1; j < nr; j++) draft.weekdays |= 1 << j;
    }
    cur.pos += name.length;
    if (cur.at() === "") return;
    if (cur.at() === " ") {
      cur.skipSpaces();
      return;
    }
    if (cur.at() === ".") {
      if (rangeFrom >= 0) cur.fail("a weekday range cannot be chained to another.");
      if (cur.at(1) !== ".") cur.fail('a weekday range is written with "..", as in Mon..Fri.');
      rangeFrom = nr;
      cur.pos += 2;
    } else if (cur.at() === "-") {
      if (rangeFrom >= 0) cur.fail("a weekday range cannot be chained to another.");
      rangeFrom = nr;
      cur.pos += 1;
    } else if (cur.at() === ",") {
      rangeFrom = -1;
      cur.pos += 1;
    }
    if (cur.at() === "" || cur.at() === " ") {
      if (rangeFrom >= 0) cur.fail("the weekday range has no end.");
      cur.skipSpaces();
      return;
    }
    first = false;
  }
}

/** A number; for seconds, with up to six decimals, counted in microseconds. */
function parseDecimal(cur: Cursor, usec: boolean): number {
  if (!isDigit(cur.at())) cur.fail(`expected a number here, not ${quoted(cur.at() || "the end")}.`);
  const start = cur.pos;
  while (isDigit(cur.at())) cur.pos++;
  let value = Number(cur.text.slice(start, cur.pos));
  if (usec) {
    value *= USEC_PER_SEC;
    if (cur.at() === "." && cur.at(1) !== ".") {
      cur.pos++;
      if (!isDigit(cur.at())) cur.fail("a decimal point must be followed by digits.");
      let digits = "";
      while (isDigit(cur.at())) {
        digits += cur.at();
        cur.pos++;
      }
      let micro = Number(digits.slice(0, 6).padEnd(6, "0"));
      if (digits.length > 6 && digits[6]! >= "5") micro++;
      value += micro;
    }
  }
  if (value > INT_MAX) throw new SyntaxFailure(start, cur.pos, "the number is too large.");
  return value;
}

function parseChain(cur: Cursor, usec: boolean): Chain {
  if (cur.at() === "*") {
    const start = cur.pos++;
    return usec ? [{ component: { start: 0, stop: -1, repeat: USEC_PER_SEC }, start, end: cur.pos }] : null;
  }
  const chain: Located[] = [];
  for (;;) {
    if (chain.length >= MAX_COMPONENTS) cur.fail(`a field may list at most ${MAX_COMPONENTS} values.`);
    const begin = cur.pos;
    const start = parseDecimal(cur, usec);
    let stop = -1;
    let repeat = 0;
    if (cur.at() === "." && cur.at(1) === ".") {
      cur.pos += 2;
      stop = parseDecimal(cur, usec);
      repeat = usec ? USEC_PER_SEC : 1;
    }
    if (cur.at() === "/") {
      cur.pos++;
      const at = cur.pos;
      repeat = parseDecimal(cur, usec);
      if (repeat === 0) throw new SyntaxFailure(at, cur.pos, "a repetition of zero never advances.");
    } else {
      if (start > INT_MAX - repeat) throw new SyntaxFailure(begin, cur.pos, "the number is too large.");
      if (usec && stop >= 0 && start + repeat > stop) {
        throw new SyntaxFailure(begin, cur.pos, "a range of seconds shorter than a second needs an explicit /repetition.");
      }
    }
    if (!["", " ", ",", "-", "~", ":"].includes(cur.at())) {
      cur.fail(`${quoted(cur.at())} cannot follow a number here.`);
    }
    chain.push({ component: { start, stop, repeat }, start: begin, end: cur.pos });
    if (cur.at() !== ",") return chain;
    cur.pos++;
  }
}

/** Returns true when the date was an @timestamp, which takes no time after it. */
function parseDate(cur: Cursor, draft: Draft): boolean {
  if (cur.at() === "") return false;
  if (cur.at() === "@") return parseTimestamp(cur, draft);
  const save = cur.pos;
  const first = parseChain(cur, false);
  if (cur.at() === "" || cur.at() === ":") {
    cur.pos = save;
    return false;
  }
  const separator = () => {
    if (cur.at() === "~") draft.endOfMonth = true;
    else if (cur.at() !== "-") cur.fail(`expected "-" between the parts of a date, not ${quoted(cur.at())}.`);
    cur.pos++;
  };
  separator();
  const second = parseChain(cur, false);
  if (cur.at() === "" || cur.at() === " ") {
    cur.skipSpaces();
    draft.fields.month = first;
    draft.fields.day = second;
    return false;
  }
  if (draft.endOfMonth) cur.fail('"~" may only stand between the month and the day.');
  separator();
  const third = parseChain(cur, false);
  if (cur.at() !== "" && cur.at() !== " ") cur.fail(`expected a space after the date, not ${quoted(cur.at())}.`);
  cur.skipSpaces();
  draft.fields.year = first;
  draft.fields.month = second;
  draft.fields.day = third;
  return false;
}

function parseTimestamp(cur: Cursor, draft: Draft): boolean {
  const start = cur.pos;
  cur.pos++;
  while (" \t\n\v\f\r".includes(cur.at()) && cur.at() !== "") cur.pos++;
  const negative = cur.at() === "-";
  if (negative || cur.at() === "+") cur.pos++;
  const digitsStart = cur.pos;
  while (isDigit(cur.at())) cur.pos++;
  if (cur.pos === digitsStart) cur.fail("expected seconds since 1970 after @, as in @1700000000.");
  // The number is read as C's strtoul() reads it and then taken as a signed time_t.
  const magnitude = BigInt(cur.text.slice(digitsStart, cur.pos));
  if (magnitude > UINT64_MAX) throw new SyntaxFailure(start, cur.pos, "the timestamp is too large.");
  const unsigned = negative ? (UINT64_MAX + 1n - magnitude) & UINT64_MAX : magnitude;
  const seconds = unsigned > INT64_MAX ? unsigned - UINT64_MAX - 1n : unsigned;
  if (seconds > MAX_DATE_SECONDS || seconds < -MAX_DATE_SECONDS) {
    throw new SyntaxFailure(start, cur.pos, "the timestamp must fall between 1970 and the end of 2199.");
  }
  const d = new Date(Number(seconds) * 1000);
  const fixed = (v: number): Chain => [{ component: { start: v, stop: -1, repeat: 0 }, start, end: cur.pos }];
  draft.fields = {
    year: fixed(d.getUTCFullYear()),
    month: fixed(d.getUTCMonth() + 1),
    day: fixed(d.getUTCDate()),
    hour: fixed(d.getUTCHours()),
    minute: fixed(d.getUTCMinutes()),
    second: fixed(d.getUTCSeconds() * USEC_PER_SEC),
  };
  draft.utc = true;
  return true;
}

function parseTime(cur: Cursor, draft: Draft): void {
  const zero = (): Chain => [{ component: { start: 0, stop: -1, repeat: 0 }, start: cur.pos, end: cur.pos }];
  if (cur.at() === "") {
    draft.fields.hour = zero();
    draft.fields.minute = zero();
    draft.fields.second = zero();
    return;
  }
  draft.fields.hour = parseChain(cur, false);
  if (cur.at() !== ":") cur.fail(`expected ":" between hour and minute, not ${quoted(cur.at() || "the end")}.`);
  cur.pos++;
  draft.fields.minute = parseChain(cur, false);
  if (cur.at() === "") {
    draft.fields.second = zero();
    return;
  }
  if (cur.at() !== ":") cur.fail(`expected ":" between minute and second, not ${quoted(cur.at())}.`);
  cur.pos++;
  draft.fields.second = parseChain(cur, true);
  if (cur.at() !== "") cur.fail(`unexpected ${quoted(cur.text.slice(cur.pos, cur.end))} after the time.`, cur.end - cur.pos);
}

/** Zone files at the top of the tz database (tzdata 2024-2025), and its area folders. */
const ROOT_ZONES = new Set(
  (
    "CET CST6CDT Cuba EET EST EST5EDT Egypt Eire Factory GB GB-Eire GMT GMT+0 GMT-0 GMT0 Greenwich HST Hongkong " +
    "Iceland Iran Israel Jamaica Japan Kwajalein Libya MET MST MST7MDT NZ NZ-CHAT Navajo PRC PST8PDT Poland " +
    "Portugal ROC ROK Singapore Turkey UCT UTC Universal W-SU WET Zulu"
  ).split(" "),
);
const ZONE_AREAS = new Set(
  "Africa America Antarctica Arctic Asia Atlantic Australia Brazil Canada Chile Etc Europe Indian Mexico Pacific US".split(" "),
);

/** A zone name that could be a tz database file: systemd's character rules, then the runtime's own database. */
export function isKnownTimezone(name: string): boolean {
  if (ROOT_ZONES.has(name)) return true;
  if (!/^[A-Za-z0-9_+-]+(\/[A-Za-z0-9_+-]+)+$/.test(name)) return false;
  const parts = name.split("/");
  // Zone files are named in capitalised words; the runtime's lookup ignores case, the file system does not.
  if (!ZONE_AREAS.has(parts[0]!) || !parts.every((part) => /^[A-Z]/.test(part))) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Takes the zone suffix off; returns where the event proper ends. */
function stripZone(value: string, draft: Draft, options: CalendarOptions): { end: number; abbreviation?: string; dst?: 0 | 1 } {
  const lower = value.toLowerCase();
  if (lower.endsWith(" utc")) {
    draft.utc = true;
    return { end: value.length - 4 };
  }
  for (const [dst, abbreviation] of (options.localZoneAbbreviations ?? []).slice(0, 2).entries()) {
    if (!abbreviation || !lower.endsWith(abbreviation.toLowerCase())) continue;
    const e = value.length - abbreviation.length;
    if (e > 0 && value[e - 1] === " ") return { end: e - 1, abbreviation, dst: dst === 0 ? 0 : 1 };
  }
  const lastSpace = value.lastIndexOf(" ");
  if (lastSpace >= 0 && (options.isTimezone ?? isKnownTimezone)(value.slice(lastSpace + 1))) {
    draft.timezone = value.slice(lastSpace + 1);
    return { end: lastSpace };
  }
  return { end: value.length };
}

function fromShorthand(shorthand: Shorthand, draft: Draft, start: number, end: number): void {
  for (const field of ["year", "month", "day", "hour", "minute", "second"] as const) {
    const values = shorthand[field];
    if (values) draft.fields[field] = values.map((v) => ({ component: { start: v, stop: -1, repeat: 0 }, start, end }));
  }
  draft.weekdays = shorthand.weekdays ?? 0;
}

/** Applies systemd's normalisation and range checks, turning the draft into a spec. */
function finish(draft: Draft): CalendarSpec {
  const endOfMonth = draft.endOfMonth && Boolean(draft.fields.day);
  const spec: CalendarSpec = {
    weekdays: draft.weekdays > 0 && draft.weekdays < ALL_WEEKDAYS ? draft.weekdays : 0,
    year: null,
    month: null,
    day: null,
    hour: null,
    minute: null,
    second: null,
    endOfMonth,
    utc: draft.utc,
  };
  if (draft.timezone !== undefined && !draft.utc) {
    if (draft.timezone === "UTC") spec.utc = true;
    else spec.timezone = draft.timezone;
  }
  for (const field of ["year", "month", "day", "hour", "minute", "second"] as const) {
    const chain = draft.fields[field];
    if (!chain) continue;
    for (const item of chain) {
      if (field === "year") fixYear(item.component);
      normalizeComponent(item.component);
    }
    const sorted = sortChain(chain);
    sorted.forEach((item, index) => {
      const error = componentError(item.component, field, endOfMonth, index);
      if (error) throw new SyntaxFailure(item.start, item.end, `out of range: ${error}`);
    });
    spec[field] = sorted.map((item) => item.component);
  }
  return spec;
}

/** Parses an OnCalendar= value as systemd's calendar_spec_from_string() does. */
export function parseCalendar(value: string, options: CalendarOptions = {}): CalendarResult {
  const draft: Draft = { weekdays: 0, fields: {}, endOfMonth: false, utc: false };
  try {
    const { end, abbreviation, dst } = stripZone(value, draft, options);
    if (end === 0) throw new SyntaxFailure(0, value.length, "the value is empty.");
    const shorthand = SHORTHANDS[value.slice(0, end).toLowerCase()];
    if (shorthand) fromShorthand(shorthand, draft, 0, end);
    else {
      const cur = new Cursor(value, end);
      parseWeekdays(cur, draft);
      if (!parseDate(cur, draft)) parseTime(cur, draft);
      if (cur.at() !== "") cur.fail(`unexpected ${quoted(value.slice(cur.pos, end))}.`, end - cur.pos);
    }
    const spec = finish(draft);
    if (dst !== undefined) spec.dst = dst;
    return { ok: true, spec, normalized: formatCalendarSpec(spec, abbreviation) };
  } catch (e) {
    if (!(e instanceof SyntaxFailure)) throw e;
    const zone = unknownZone(value, e.start);
    if (zone) return { ok: false, problem: problemAt(zone.start, value.length, `${EXAMPLES}; ${zone.detail}`) };
    const end = Math.max(e.end, Math.min(e.start + 1, value.length));
    return { ok: false, problem: problemAt(e.start, end, `${EXAMPLES}; ${e.detail}`) };
  }
}

/** A trailing word that failed to parse but looks like a zone name ("Europe/Paris", "PST"). */
function unknownZone(value: string, failedAt: number): { start: number; detail: string } | undefined {
  const start = value.lastIndexOf(" ") + 1;
  const word = value.slice(start);
  if (start === 0 || failedAt < start - 1 || !/^([A-Za-z][\w+-]*\/[\w+/-]+|[A-Z]{3,5})$/.test(word)) return undefined;
  return { start, detail: `${quoted(word)} is not a known time zone (names look like "Europe/Berlin" or "UTC").` };
}

/** The normalised form `systemd-analyze calendar` prints, e.g. "daily" → "*-*-* 00:00:00"; undefined if invalid. */
export function normalizeCalendar(value: string, options?: CalendarOptions): string | undefined {
  const r = parseCalendar(value, options);
  return r.ok ? r.normalized : undefined;
}

export function checkCalendar(value: string, options?: CalendarOptions): ValueProblem[] {
  const r = parseCalendar(value, options);
  return r.ok ? [] : [r.problem];
}
