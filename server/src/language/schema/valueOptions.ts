import type { ByteSizeOptions } from "../values/byteSize";
import type { TimeSpanOptions } from "../values/timeSpan";
import type { TimeUnit, ValueSpec } from "./generated/types";

// Microseconds per bare number. Nanosecond directives are read at microsecond precision here.
const MICROSECONDS: Record<TimeUnit, bigint> = { s: 1_000_000n, ms: 1000n, us: 1n, ns: 1n };

/** The options of the value grammars that a directive's value spec implies. */
export function timeSpanOptions(spec: Extract<ValueSpec, { kind: "timespan" }>): TimeSpanOptions {
  return { defaultUnit: MICROSECONDS[spec.unit ?? "s"], allowInfinity: spec.infinity === true };
}

export function byteSizeOptions(spec: Extract<ValueSpec, { kind: "bytes" }>): ByteSizeOptions {
  return { allowInfinity: spec.infinity === true, allowPercent: spec.percent === true };
}
