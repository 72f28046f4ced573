import { readCInteger, toInt32 } from "./numbers";
import { problemAt, quoted, type ValueProblem } from "./problem";

export interface IntegerOptions {
  min?: number;
  max?: number;
}

export type IntegerResult = { ok: true; value: number } | { ok: false; problem: ValueProblem };

function rangeText(options: IntegerOptions): string {
  const { min, max } = options;
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` of at least ${min}`;
  if (max !== undefined) return ` of at most ${max}`;
  return "";
}

/** An integer as systemd's safe_atoi() reads it (decimal, or 0x/0o/0b/0-prefixed), checked against a range. */
export function parseInteger(value: string, options: IntegerOptions = {}): IntegerResult {
  const expected = `Expected an integer${rangeText(options)}, such as "${options.min ?? 0}"`;
  const n = readCInteger(value);
  const v = n && toInt32(n);
  if (v === undefined) {
    const detail = n ? "it is too large." : `${quoted(value)} is not a number.`;
    return { ok: false, problem: problemAt(0, value.length, `${expected}; ${detail}`) };
  }
  if ((options.min !== undefined && v < options.min) || (options.max !== undefined && v > options.max)) {
    return { ok: false, problem: problemAt(0, value.length, `${expected}; ${v} is out of range.`) };
  }
  return { ok: true, value: v };
}

export function checkInteger(value: string, options?: IntegerOptions): ValueProblem[] {
  const r = parseInteger(value, options);
  return r.ok ? [] : [r.problem];
}
