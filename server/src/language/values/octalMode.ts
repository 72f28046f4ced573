import { problemAt, quoted, type ValueProblem } from "./problem";

export type OctalModeResult = { ok: true; mode: number } | { ok: false; problem: ValueProblem };

const EXPECTED = 'Expected an octal access mode such as "0022" or "0755"';

/** An access mode as systemd's parse_mode() reads it: octal digits, at most 07777, no sign. */
export function parseOctalMode(value: string): OctalModeResult {
  const digits = value.replace(/^[ \t\n\r]+/, "");
  if (!/^[0-7]+$/.test(digits)) {
    const bad = digits.search(/[^0-7]/);
    const at = value.length - digits.length + Math.max(bad, 0);
    const detail = digits === "" ? "the value is empty." : `${quoted(digits[bad] ?? "")} is not an octal digit.`;
    return { ok: false, problem: problemAt(at, Math.max(at + 1, value.length === at ? at : at + 1), `${EXPECTED}; ${detail}`) };
  }
  const mode = parseInt(digits, 8);
  if (mode > 0o7777) return { ok: false, problem: problemAt(0, value.length, `${EXPECTED}; modes go up to 07777.`) };
  return { ok: true, mode };
}

export function checkOctalMode(value: string): ValueProblem[] {
  const r = parseOctalMode(value);
  return r.ok ? [] : [r.problem];
}

/** Prints a mode as four octal digits plus its rwx letters, e.g. "0755 (rwxr-xr-x)". */
export function formatOctalMode(mode: number): string {
  const letters = [6, 3, 0].map((shift) => {
    const bits = (mode >> shift) & 7;
    return `${bits & 4 ? "r" : "-"}${bits & 2 ? "w" : "-"}${bits & 1 ? "x" : "-"}`;
  });
  return `${mode.toString(8).padStart(4, "0")} (${letters.join("")})`;
}
