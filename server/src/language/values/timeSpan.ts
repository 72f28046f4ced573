import { problemAt, quoted, type ValueProblem } from "./problem";

const USEC_PER_MSEC = 1000n;
const USEC_PER_SEC = 1000000n;
const USEC_PER_MINUTE = 60n * USEC_PER_SEC;
const USEC_PER_HOUR = 60n * USEC_PER_MINUTE;
const USEC_PER_DAY = 24n * USEC_PER_HOUR;
const USEC_PER_WEEK = 7n * USEC_PER_DAY;
const USEC_PER_MONTH = 2629800n * USEC_PER_SEC;
const USEC_PER_YEAR = 31557600n * USEC_PER_SEC;

/** systemd's "infinity" time value (the largest 64-bit unsigned number). */
export const USEC_INFINITY = (1n << 64n) - 1n;
const LLONG_MAX = (1n << 63n) - 1n;

/** Unit words in the order systemd tries them: the first one the text starts with wins. */
const UNITS: readonly (readonly [string, bigint])[] = [
  ["seconds", USEC_PER_SEC],
  ["second", USEC_PER_SEC],
  ["sec", USEC_PER_SEC],
  ["s", USEC_PER_SEC],
  ["minutes", USEC_PER_MINUTE],
  ["minute", USEC_PER_MINUTE],
  ["min", USEC_PER_MINUTE],
  ["months", USEC_PER_MONTH],
  ["month", USEC_PER_MONTH],
  ["M", USEC_PER_MONTH],
  ["msec", USEC_PER_MSEC],
  ["ms", USEC_PER_MSEC],
  ["m", USEC_PER_MINUTE],
  ["hours", USEC_PER_HOUR],
  ["hour", USEC_PER_HOUR],
  ["hr", USEC_PER_HOUR],
  ["h", USEC_PER_HOUR],
  ["days", USEC_PER_DAY],
  ["day", USEC_PER_DAY],
  ["d", USEC_PER_DAY],
  ["weeks", USEC_PER_WEEK],
  ["week", USEC_PER_WEEK],
  ["w", USEC_PER_WEEK],
  ["years", USEC_PER_YEAR],
  ["year", USEC_PER_YEAR],
  ["y", USEC_PER_YEAR],
  ["usec", 1n],
  ["us", 1n],
  ["\u03bcs", 1n],
  ["\u00b5s", 1n],
];

/** Units a directive may count bare numbers in. */
export const TIME_UNITS = {
  usec: 1n,
  msec: USEC_PER_MSEC,
  sec: USEC_PER_SEC,
  min: USEC_PER_MINUTE,
  hour: USEC_PER_HOUR,
  day: USEC_PER_DAY,
} as const;

export interface TimeSpanOptions {
  /** Microseconds a bare number stands for; seconds unless the directive says otherwise. */
  defaultUnit?: bigint;
  /** Whether "infinity" is meaningful for this directive (systemd's parser always reads it). */
  allowInfinity?: boolean;
}

export type TimeSpanResult = { ok: true; usec: bigint; infinity: boolean } | { ok: false; problem: ValueProblem };

const EXAMPLES = 'Expected a time span such as "5min 20s", "1h30m" or "100ms"';
const WS = " \t\n\r";

function skipWhitespace(value: string, i: number): number {
  while (i < value.length && WS.includes(value[i]!)) i++;
  return i;
}

function digitsEnd(value: string, i: number): number {
  while (i < value.length && value[i]! >= "0" && value[i]! <= "9") i++;
  return i;
}

function letterRun(value: string, i: number): number {
  while (i < value.length && /[A-Za-z\u00b5\u03bc]/.test(value[i]!)) i++;
  return i;
}

function failure(start: number, end: number, detail: string): TimeSpanResult {
  return { ok: false, problem: problemAt(start, end, `${EXAMPLES}; ${detail}`) };
}

/** Parses a time span the way systemd's parse_time() does, keeping offsets for errors. */
export function parseTimeSpan(value: string, options: TimeSpanOptions = {}): TimeSpanResult {
  const defaultUnit = options.defaultUnit ?? USEC_PER_SEC;
  let p = skipWhitespace(value, 0);
  if (value.startsWith("infinity", p)) {
    const after = skipWhitespace(value, p + 8);
    if (after !== value.length) return failure(p, value.length, '"infinity" must stand alone.');
    if (options.allowInfinity === false) return failure(p, p + 8, '"infinity" is not allowed here.');
    return { ok: true, usec: USEC_INFINITY, infinity: true };
  }
  let total = 0n;
  let something = false;
  for (;;) {
    p = skipWhitespace(value, p);
    if (p >= value.length) {
      if (!something) return failure(0, value.length, "the value is empty.");
      break;
    }
    const numberStart = p;
    if (value[p] === "-") return failure(p, letterRun(value, digitsEnd(value, p + 1)), "negative spans are not allowed.");
    const digitsStart = value[p] === "+" ? p + 1 : p;
    const digitsStop = digitsEnd(value, digitsStart);
    let whole = 0n;
    let e = p;
    if (digitsStop > digitsStart) {
      whole = BigInt(value.slice(digitsStart, digitsStop));
      if (whole > LLONG_MAX) return failure(numberStart, digitsStop, "the number is too large.");
      e = digitsStop;
    }
    let fraction: string | undefined;
    if (value[e] === ".") {
      const fractionEnd = digitsEnd(value, e + 1);
      fraction = value.slice(e + 1, fractionEnd);
      p = fractionEnd;
    } else if (e === p) {
      return unexpectedText(value, p);
    } else {
      p = e;
    }
    const unitStart = skipWhitespace(value, p);
    const unit = UNITS.find(([name]) => value.startsWith(name, unitStart));
    let multiplier = defaultUnit;
    if (unit) {
      multiplier = unit[1];
      p = unitStart + unit[0].length;
    } else if (unitStart === p && p < value.length) {
      return unexpectedText(value, p);
    } else {
      p = unitStart;
    }
    if (whole >= USEC_INFINITY / multiplier) return failure(numberStart, p, "the span is too large.");
    total += whole * multiplier;
    if (fraction !== undefined) {
      if (fraction === "") return failure(numberStart, p, `a decimal point must be followed by digits.`);
      let m = multiplier / 10n;
      for (const d of fraction) {
        total += BigInt(d) * m;
        m /= 10n;
      }
    }
    if (total >= USEC_INFINITY) return failure(numberStart, p, "the span is too large.");
    something = true;
  }
  return { ok: true, usec: total, infinity: false };
}

/** Explains text where a number or unit was expected, naming a misspelt unit when it looks like one. */
function unexpectedText(value: string, at: number): TimeSpanResult {
  let start = at;
  while (start > 0 && /[A-Za-z\u00b5\u03bc]/.test(value[start - 1]!)) start--;
  const end = Math.max(letterRun(value, start), at + 1);
  const word = value.slice(start, end);
  if (/^[A-Za-z\u00b5\u03bc]+$/.test(word) && start > 0 && /[0-9.\s]/.test(value[start - 1]!)) {
    return failure(start, end, `${quoted(word)} is not a time unit.`);
  }
  return failure(at, end, `${quoted(value.slice(at, end))} is not a number followed by a unit.`);
}

export function checkTimeSpan(value: string, options?: TimeSpanOptions): ValueProblem[] {
  const r = parseTimeSpan(value, options);
  return r.ok ? [] : [r.problem];
}

const FORMAT_UNITS: readonly (readonly [string, bigint])[] = [
  ["y", USEC_PER_YEAR],
  ["month", USEC_PER_MONTH],
  ["w", USEC_PER_WEEK],
  ["d", USEC_PER_DAY],
  ["h", USEC_PER_HOUR],
  ["min", USEC_PER_MINUTE],
  ["s", USEC_PER_SEC],
  ["ms", USEC_PER_MSEC],
  ["us", 1n],
];

/** Prints a span the way systemd shows it (e.g. "1h 30min", "1.500000s"); the result parses back. */
export function formatTimeSpan(usec: bigint): string {
  if (usec >= USEC_INFINITY) return "infinity";
  if (usec <= 0n) return "0";
  const parts: string[] = [];
  let t = usec;
  for (const [suffix, size] of FORMAT_UNITS) {
    if (t <= 0n) break;
    if (t < size) continue;
    const whole = t / size;
    const rest = t % size;
    if (t < USEC_PER_MINUTE && rest > 0n) {
      const places = size.toString().length - 1;
      if (places > 0) {
        parts.push(`${whole}.${rest.toString().padStart(places, "0")}${suffix}`);
        t = 0n;
        continue;
      }
    }
    parts.push(`${whole}${suffix}`);
    t = rest;
  }
  return parts.join(" ");
}

const WORD_UNITS: readonly (readonly [string, bigint])[] = [
  ["year", USEC_PER_YEAR],
  ["month", USEC_PER_MONTH],
  ["week", USEC_PER_WEEK],
  ["day", USEC_PER_DAY],
  ["hour", USEC_PER_HOUR],
  ["minute", USEC_PER_MINUTE],
  ["second", USEC_PER_SEC],
  ["millisecond", USEC_PER_MSEC],
  ["microsecond", 1n],
];

/** Describes a span in words for hovers, e.g. "1 minute 30 seconds". */
export function describeTimeSpan(usec: bigint): string {
  if (usec >= USEC_INFINITY) return "infinity (no limit)";
  if (usec <= 0n) return "0 seconds";
  const parts: string[] = [];
  let t = usec;
  for (const [name, size] of WORD_UNITS) {
    if (t < size) continue;
    const n = t / size;
    parts.push(`${n} ${name}${n === 1n ? "" : "s"}`);
    t %= size;
  }
  return parts.join(" ");
}
