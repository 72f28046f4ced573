import { readCInteger } from "./numbers";
import { problemAt, quoted, type ValueProblem } from "./problem";
import { WHITESPACE, splitWords } from "./words";

const CPU_MAX = 8192;

export interface CpuRange {
  from: number;
  to: number;
  start: number;
  end: number;
}

export interface CpuSet {
  ranges: CpuRange[];
  /** Every CPU in the set, ascending. */
  cpus: number[];
  problems: ValueProblem[];
}

const EXPECTED = 'Expected CPU numbers or ranges such as "0-3 5,7"';

function readUnsigned(text: string): number | undefined {
  const n = readCInteger(text);
  if (!n || (n.negative && n.value !== 0n) || n.value > 0xffffffffn) return undefined;
  return Number(n.value);
}

/** Parses CPUAffinity=/AllowedCPUs= style lists: numbers and ranges separated by spaces or commas. */
export function parseCpuSet(value: string): CpuSet {
  const split = splitWords(value, { separators: WHITESPACE + ",", unquote: true });
  const ranges: CpuRange[] = [];
  const problems: ValueProblem[] = [];
  const cpus = new Set<number>();
  for (const w of split.words) {
    const dash = w.text.indexOf("-");
    const from = readUnsigned(dash >= 0 ? w.text.slice(0, dash) : w.text);
    const to = dash >= 0 ? readUnsigned(w.text.slice(dash + 1)) : from;
    if (from === undefined || to === undefined) {
      problems.push(problemAt(w.start, w.end, `${EXPECTED}; ${quoted(w.text)} is neither a CPU number nor a range.`));
      continue;
    }
    if (from > to) {
      problems.push(
        problemAt(w.start, w.end, `${EXPECTED}; the range ${quoted(w.text)} runs backwards, so systemd ignores it.`, "warning"),
      );
      continue;
    }
    if (to >= CPU_MAX) {
      problems.push(problemAt(w.start, w.end, `${EXPECTED}; CPU numbers go up to ${CPU_MAX - 1}.`));
      continue;
    }
    ranges.push({ from, to, start: w.start, end: w.end });
    for (let c = from; c <= to; c++) cpus.add(c);
  }
  if (split.problem) problems.push(split.problem);
  return { ranges, cpus: [...cpus].sort((a, b) => a - b), problems };
}

export function checkCpuSet(value: string): ValueProblem[] {
  return parseCpuSet(value).problems;
}
