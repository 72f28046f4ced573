import { problemAt, quoted, type ValueProblem } from "./problem";

const TRUE_WORDS = new Set(["1", "yes", "y", "true", "t", "on"]);
const FALSE_WORDS = new Set(["0", "no", "n", "false", "f", "off"]);

export type BooleanResult = { ok: true; value: boolean } | { ok: false };

/** systemd's boolean words, compared without regard to case. */
export function parseBoolean(value: string): BooleanResult {
  const word = value.toLowerCase();
  if (TRUE_WORDS.has(word)) return { ok: true, value: true };
  if (FALSE_WORDS.has(word)) return { ok: true, value: false };
  return { ok: false };
}

export function checkBoolean(value: string): ValueProblem[] {
  if (parseBoolean(value).ok) return [];
  return [
    problemAt(0, value.length, `Expected a boolean such as "yes" or "no" (also 1/0, true/false, on/off); ${quoted(value)} is not one.`),
  ];
}
