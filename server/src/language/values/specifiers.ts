import { problemAt, type ValueProblem } from "./problem";

/** Specifiers systemd resolves in unit files (systemd.unit(5)), letter → short meaning. */
export const UNIT_SPECIFIERS: Readonly<Record<string, string>> = {
  a: "architecture",
  A: "operating system image version",
  b: "boot ID",
  B: "operating system build ID",
  C: "cache directory root",
  d: "credentials directory",
  E: "configuration directory root",
  f: "unescaped filename (instance, or prefix)",
  g: "user group",
  G: "user group ID",
  h: "user home directory",
  H: "host name",
  i: "instance name",
  I: "unescaped instance name",
  j: "final component of the prefix",
  J: "unescaped final component of the prefix",
  l: "short host name",
  L: "log directory root",
  m: "machine ID",
  M: "operating system image identifier",
  n: "full unit name",
  N: "full unit name without the type suffix",
  o: "operating system ID",
  p: "prefix name",
  P: "unescaped prefix name",
  q: "pretty host name",
  s: "user shell",
  S: "state directory root",
  t: "runtime directory root",
  T: "directory for temporary files",
  u: "user name",
  U: "user UID",
  v: "kernel release",
  V: "directory for larger and persistent temporary files",
  w: "operating system version ID",
  W: "operating system variant ID",
  y: "path to the unit fragment",
  Y: "directory of the unit fragment",
};

/** Still resolved by systemd 252 but deprecated: cgroup paths. */
const DEPRECATED = new Set(["c", "r", "R"]);

export interface SpecifierOccurrence {
  /** The letter after "%", or "%" for the "%%" escape. */
  letter: string;
  start: number;
  end: number;
  known: boolean;
}

export interface SpecifierOptions {
  /** Letters valid in this context; systemd.unit(5)'s list by default. */
  letters?: ReadonlySet<string>;
}

const DEFAULT_LETTERS = new Set([...Object.keys(UNIT_SPECIFIERS), ...DEPRECATED]);

/** Finds every "%x" in a value. Only letters and digits are specifiers; "%" before anything else stays literal. */
export function findSpecifiers(value: string, options: SpecifierOptions = {}): SpecifierOccurrence[] {
  const letters = options.letters ?? DEFAULT_LETTERS;
  const found: SpecifierOccurrence[] = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== "%" || i + 1 >= value.length) continue;
    const c = value[i + 1]!;
    if (c === "%" || /[A-Za-z0-9]/.test(c)) {
      found.push({ letter: c, start: i, end: i + 2, known: c === "%" || letters.has(c) });
      i++;
    }
  }
  return found;
}

export function checkSpecifiers(value: string, options?: SpecifierOptions): ValueProblem[] {
  return findSpecifiers(value, options).flatMap((s): ValueProblem[] => {
    if (!s.known) {
      return [
        problemAt(
          s.start,
          s.end,
          `Expected a known specifier such as %n, %i or %H (write %% for a literal %); systemd fails on the unknown "%${s.letter}".`,
        ),
      ];
    }
    if (DEPRECATED.has(s.letter) && !options?.letters) {
      return [problemAt(s.start, s.end, `Expected a current specifier; "%${s.letter}" (a cgroup path) is deprecated.`, "warning")];
    }
    return [];
  });
}

/**
 * What systemd accepts in a value it expands specifiers in, but is most likely a slip: a "%" before
 * a character that is no specifier (kept as written), and the deprecated cgroup specifiers.
 */
export function questionableSpecifiers(value: string, deprecated: ReadonlySet<string>): ValueProblem[] {
  const problems: ValueProblem[] = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== "%") continue;
    const c = value[i + 1];
    if (c === "%" || (c !== undefined && /[A-Za-z0-9]/.test(c))) {
      if (c !== undefined && deprecated.has(c)) {
        problems.push({
          ...problemAt(
            i,
            i + 2,
            `"%${c}" (a cgroup path) is deprecated: systemd still expands it but logs that it does not work as intended. Write the path out.`,
            "warning",
          ),
          rule: "deprecated-specifier",
        });
      }
      i++;
      continue;
    }
    problems.push({
      ...problemAt(
        i,
        i + 1,
        `"%" ${c === undefined ? "at the end" : `before ${JSON.stringify(c)}`} is no specifier, so systemd keeps it as written; write "%%" for a literal "%" to say so.`,
        "warning",
      ),
      suggestions: ["%%"],
      rule: "literal-percent",
    });
  }
  return problems;
}
