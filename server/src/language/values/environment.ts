import { problemAt, quoted, type ValueProblem } from "./problem";
import { splitWords } from "./words";

export interface EnvironmentAssignment {
  name: string;
  value: string;
  /** Offsets of the whole word (quotes included) in the raw value. */
  start: number;
  end: number;
}

export interface EnvironmentList {
  assignments: EnvironmentAssignment[];
  problems: ValueProblem[];
}

const EXPECTED = 'Expected assignments such as FOO=bar or "GREETING=hello world"';

/** A variable name as systemd accepts it: letters, digits and _, not starting with a digit. Specifiers are let through. */
export function isEnvironmentName(name: string): boolean {
  return /^[A-Za-z_%][A-Za-z0-9_%]*$/.test(name);
}

/** Parses an Environment= value: space-separated KEY=VALUE words with quoting and C escapes. */
export function parseEnvironment(value: string): EnvironmentList {
  const split = splitWords(value, { unquote: true, cunescape: true });
  const assignments: EnvironmentAssignment[] = [];
  const problems: ValueProblem[] = [];
  for (const w of split.words) {
    const eq = w.text.indexOf("=");
    if (eq < 0) {
      problems.push(problemAt(w.start, w.end, `${EXPECTED}; ${quoted(w.text)} has no "=", so systemd ignores it.`));
      continue;
    }
    const name = w.text.slice(0, eq);
    if (!isEnvironmentName(name)) {
      problems.push(
        problemAt(
          w.start,
          w.end,
          `${EXPECTED}; ${quoted(name)} is not a valid variable name (letters, digits and _, not starting with a digit), so systemd ignores it.`,
        ),
      );
      continue;
    }
    assignments.push({ name, value: w.text.slice(eq + 1), start: w.start, end: w.end });
  }
  if (split.problem) problems.push({ ...split.problem, message: `${split.problem.message} systemd stops reading the value there.` });
  return { assignments, problems };
}

export function checkEnvironment(value: string): ValueProblem[] {
  return parseEnvironment(value).problems;
}
