import { parsePercent } from "./percent";
import { problemAt, quoted, type ValueProblem } from "./problem";

export interface ByteSizeOptions {
  /** 1024 (K, M, G… as powers of two; what most directives use) or 1000. */
  base?: 1024 | 1000;
  allowInfinity?: boolean;
  /** Percentages of physical memory, as MemoryMax= takes them (hundredths allowed). */
  allowPercent?: boolean;
}

export type ByteSizeResult =
  | { ok: true; kind: "bytes"; bytes: bigint }
  | { ok: true; kind: "infinity" }
  | { ok: true; kind: "percent"; fraction: number }
  | { ok: false; problem: ValueProblem };

const SUFFIXES = ["E", "P", "T", "G", "M", "K", "B", ""];
const ULLONG_MAX = (1n << 64n) - 1n;
const WS = " \t\n\r";

function factorOf(suffix: string, base: bigint): bigint {
  const power = { E: 6n, P: 5n, T: 4n, G: 3n, M: 2n, K: 1n }[suffix] ?? 0n;
  return base ** power;
}

function examples(options: ByteSizeOptions): string {
  const extra = [options.allowPercent ? '"50%"' : "", options.allowInfinity ? '"infinity"' : ""].filter(Boolean);
  return `Expected a size such as "512M", "1G" or "1.5K"${extra.length ? `, or ${extra.join(" or ")}` : ""}`;
}

/** Parses a size the way systemd's parse_size() does; sizes in several parts must go from large to small units. */
export function parseByteSize(value: string, options: ByteSizeOptions = {}): ByteSizeResult {
  const fail = (start: number, end: number, detail: string): ByteSizeResult => ({
    ok: false,
    problem: problemAt(start, Math.max(end, start + 1), `${examples(options)}; ${detail}`),
  });
  if (options.allowInfinity && value === "infinity") return { ok: true, kind: "infinity" };
  if (options.allowPercent && value.endsWith("%")) {
    const r = parsePercent(value, { kind: "permyriad" });
    return r.ok ? { ok: true, kind: "percent", fraction: r.fraction } : { ok: false, problem: r.problem };
  }
  const base = BigInt(options.base ?? 1024);
  let total = 0n;
  let firstSuffix = 0;
  let p = 0;
  do {
    while (p < value.length && WS.includes(value[p]!)) p++;
    const start = p;
    if (value[p] === "-") return fail(p, p + 1, "negative sizes are not allowed.");
    let e = value[p] === "+" ? p + 1 : p;
    const digitsStart = e;
    while (e < value.length && value[e]! >= "0" && value[e]! <= "9") e++;
    if (e === digitsStart) {
      return fail(start, value.length, value.trim() ? `${quoted(value.slice(start))} is not a number.` : "the value is empty.");
    }
    const whole = BigInt(value.slice(digitsStart, e));
    if (whole > ULLONG_MAX) return fail(start, e, "the number is too large.");
    let fraction = 0;
    if (value[e] === ".") {
      e++;
      const fractionStart = e;
      while (e < value.length && value[e]! >= "0" && value[e]! <= "9") e++;
      if (e > fractionStart) {
        const digits = value.slice(fractionStart, e);
        if (BigInt(digits) > ULLONG_MAX) return fail(start, e, "the number is too large.");
        fraction = Number(BigInt(digits));
        for (let i = 0; i < digits.length; i++) fraction /= 10;
      }
    }
    while (e < value.length && WS.includes(value[e]!)) e++;
    const index = SUFFIXES.findIndex((s, i) => i >= firstSuffix && value.startsWith(s, e));
    if (index < 0) return fail(start, value.length, 'units must go from larger to smaller, as in "1G 512M".');
    const suffix = SUFFIXES[index]!;
    const factor = factorOf(suffix, base);
    if (whole + (fraction > 0 ? 1n : 0n) > ULLONG_MAX / factor) return fail(start, e + suffix.length, "the size is too large.");
    total += whole * factor + BigInt(Math.floor(fraction * Number(factor)));
    if (total > ULLONG_MAX) return fail(start, e + suffix.length, "the size is too large.");
    p = e + suffix.length;
    if (index === SUFFIXES.length - 1 && p < value.length && !WS.includes(value[p - 1] ?? "")) {
      let end = p;
      while (end < value.length && !WS.includes(value[end]!)) end++;
      if (SUFFIXES.some((s) => s && value.startsWith(s, p)))
        return fail(start, end, 'units must go from larger to smaller, as in "1G 512M".');
      return fail(p, end, `${quoted(value.slice(p, end))} is not a size unit (K, M, G, T, P, E or B).`);
    }
    firstSuffix = index + 1;
  } while (p < value.length);
  return { ok: true, kind: "bytes", bytes: total };
}

export function checkByteSize(value: string, options?: ByteSizeOptions): ValueProblem[] {
  const r = parseByteSize(value, options);
  return r.ok ? [] : [r.problem];
}

/** A short human form for hovers, e.g. 1610612736 → "1.5G". */
export function formatByteSize(bytes: bigint, base: 1024 | 1000 = 1024): string {
  const b = BigInt(base);
  for (const suffix of ["E", "P", "T", "G", "M", "K"]) {
    const factor = factorOf(suffix, b);
    if (bytes >= factor) {
      const tenths = (bytes * 10n) / factor;
      return `${tenths / 10n}${tenths % 10n ? `.${tenths % 10n}` : ""}${suffix}`;
    }
  }
  return `${bytes}B`;
}
