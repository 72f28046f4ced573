import { readCInteger, toInt32 } from "./numbers";
import { problemAt, quoted, type ValueProblem } from "./problem";

export type PercentKind = "percent" | "permille" | "permyriad";

export interface PercentOptions {
  /** Precision systemd reads: whole percent, tenths (permille) or hundredths (permyriad). */
  kind?: PercentKind;
  /** Whether values above 100% are allowed. */
  unbounded?: boolean;
}

/** `fraction` is the value as a fraction of one (50% → 0.5); `units` counts in the kind's own steps. */
export type PercentResult = { ok: true; fraction: number; units: number } | { ok: false; problem: ValueProblem };

const SCALE: Record<PercentKind, number> = { percent: 100, permille: 1000, permyriad: 10000 };

const EXAMPLES: Record<PercentKind, string> = {
  percent: 'Expected a percentage such as "50%"',
  permille: 'Expected a percentage such as "50%" or "12.5%" (or per mille, "125‰")',
  permyriad: 'Expected a percentage such as "50%" or "12.25%" (or "125‰", "1225‱")',
};

/** Per-kind suffixes, and how many decimals each suffix allows. */
const FORMS: Record<PercentKind, readonly (readonly [string, number, number])[]> = {
  percent: [["%", 0, 1]],
  permille: [
    ["‰", 0, 1],
    ["%", 1, 10],
  ],
  permyriad: [
    ["‱", 0, 1],
    ["‰", 1, 10],
    ["%", 2, 100],
  ],
};

/** Parses a percentage the way systemd's parse_percent(), parse_permille() and parse_permyriad() do. */
export function parsePercent(value: string, options: PercentOptions = {}): PercentResult {
  const kind = options.kind ?? "percent";
  const fail = (detail: string): PercentResult => ({
    ok: false,
    problem: problemAt(0, value.length, `${EXAMPLES[kind]}; ${detail}`),
  });
  const form = FORMS[kind].find(([suffix]) => value.endsWith(suffix));
  if (!form) return fail(`${quoted(value)} does not end in "%".`);
  const [suffix, maxDecimals, factor] = form;
  const number = value.slice(0, -suffix.length);
  const dot = number.indexOf(".");
  const decimals = dot >= 0 ? number.slice(dot + 1) : "";
  const whole = readCInteger(dot >= 0 ? number.slice(0, dot) : number);
  const wholeValue = whole && toInt32(whole);
  if (wholeValue === undefined || (dot >= 0 && !/^\d+$/.test(decimals))) return fail(`${quoted(number)} is not a number.`);
  if (wholeValue < 0) return fail("negative values are not allowed.");
  if (decimals.length > maxDecimals) {
    return fail(maxDecimals === 0 ? "no decimals are allowed here." : `at most ${maxDecimals} decimal place(s) are allowed.`);
  }
  const units = wholeValue * factor + (decimals ? Number(decimals.padEnd(maxDecimals, "0")) : 0);
  if (units > 2147483647) return fail("the number is too large.");
  if (!options.unbounded && units > SCALE[kind]) return fail(`${value} is more than 100%.`);
  return { ok: true, fraction: units / SCALE[kind], units };
}

export function checkPercent(value: string, options?: PercentOptions): ValueProblem[] {
  const r = parsePercent(value, options);
  return r.ok ? [] : [r.problem];
}
