import { readCInteger, toInt32 } from "./numbers";
import { problemAt, quoted, type ValueProblem } from "./problem";

/** Linux signal numbers (x86, arm, and most architectures), as systemd names them. */
const SIGNALS: Record<string, number> = {
  HUP: 1,
  INT: 2,
  QUIT: 3,
  ILL: 4,
  TRAP: 5,
  ABRT: 6,
  BUS: 7,
  FPE: 8,
  KILL: 9,
  USR1: 10,
  SEGV: 11,
  USR2: 12,
  PIPE: 13,
  ALRM: 14,
  TERM: 15,
  STKFLT: 16,
  CHLD: 17,
  CONT: 18,
  STOP: 19,
  TSTP: 20,
  TTIN: 21,
  TTOU: 22,
  URG: 23,
  XCPU: 24,
  XFSZ: 25,
  VTALRM: 26,
  PROF: 27,
  WINCH: 28,
  IO: 29,
  PWR: 30,
  SYS: 31,
};
export const SIGNAL_NAMES = Object.keys(SIGNALS).map((n) => `SIG${n}`);
/** glibc reserves the first real-time signals for itself, so SIGRTMIN is 34 in programs. */
const SIGRTMIN = 34;
const SIGRTMAX = 64;

export type SignalResult = { ok: true; number: number; name: string } | { ok: false; problem: ValueProblem };

const EXPECTED = 'Expected a signal such as "SIGTERM", "TERM", "9" or "SIGRTMIN+3"';

function nameOf(signo: number): string {
  const known = Object.entries(SIGNALS).find(([, n]) => n === signo);
  if (known) return `SIG${known[0]}`;
  return signo >= SIGRTMIN ? `SIGRTMIN+${signo - SIGRTMIN}` : String(signo);
}

/** Reads a signal as systemd's signal_from_string() does: a number 1..64, a name with or without SIG, or RTMIN+n / RTMAX-n. */
export function parseSignal(value: string): SignalResult {
  const fail = (detail: string): SignalResult => ({ ok: false, problem: problemAt(0, value.length, `${EXPECTED}; ${detail}`) });
  const number = readCInteger(value);
  if (number) {
    const signo = toInt32(number);
    if (signo === undefined || signo < 1 || signo > SIGRTMAX) return fail("signal numbers go from 1 to 64.");
    return { ok: true, number: signo, name: nameOf(signo) };
  }
  const bare = value.startsWith("SIG") ? value.slice(3) : value;
  const known = SIGNALS[bare];
  if (known !== undefined && Object.hasOwn(SIGNALS, bare)) return { ok: true, number: known, name: `SIG${bare}` };
  for (const [prefix, base, sign] of [
    ["RTMIN", SIGRTMIN, "+"],
    ["RTMAX", SIGRTMAX, "-"],
  ] as const) {
    if (!bare.startsWith(prefix)) continue;
    const rest = bare.slice(prefix.length);
    if (rest === "") return { ok: true, number: base, name: nameOf(base) };
    const offset = rest[0] === sign ? readCInteger(rest) : undefined;
    const n = offset && toInt32(offset);
    if (n === undefined) return fail(`write ${prefix}${sign}n, as in SIG${prefix}${sign}2.`);
    const signo = base + n;
    if (signo < SIGRTMIN || signo > SIGRTMAX) return fail(`real-time signals go from SIGRTMIN to SIGRTMIN+${SIGRTMAX - SIGRTMIN}.`);
    return { ok: true, number: signo, name: nameOf(signo) };
  }
  const upper = bare.toUpperCase();
  const hint = SIGNALS[upper] !== undefined && Object.hasOwn(SIGNALS, upper) ? ` Names are upper case: SIG${upper}.` : "";
  return fail(`${quoted(value)} is not a signal name.${hint}`);
}

export function checkSignal(value: string): ValueProblem[] {
  const r = parseSignal(value);
  return r.ok ? [] : [r.problem];
}
