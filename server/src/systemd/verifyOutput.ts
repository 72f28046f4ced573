/** One line of `systemd-analyze verify` output (it writes them all to stderr). */
export interface VerifyMessage {
  /** The file the message points into, as printed: `/path/foo.service:7: ...`. */
  file?: string;
  /** 1-based, as systemd counts: the last physical line of a continued entry. */
  line?: number;
  /** The unit named by a `foo.service: ` prefix. */
  unit?: string;
  /** The message without its location or unit prefix. */
  text: string;
}

const LOCATION = /^(\d+)(?::\d+)?: (.*)$/;
const UNKNOWN_FILE_LOCATION = /^(\/[^:]*):(\d+)(?::\d+)?: (.*)$/;

function located(rest: string, file: string): VerifyMessage | undefined {
  const match = LOCATION.exec(rest);
  return match ? { file, line: Number(match[1]), text: match[2]! } : undefined;
}

/**
 * Splits the output into messages. Known files (the staged copies) are matched literally, so a
 * path with a colon in it still parses; another absolute path followed by `:line:` counts too.
 */
export function parseVerifyOutput(output: string, files: readonly string[], units: readonly string[]): VerifyMessage[] {
  const byLength = [...files].sort((a, b) => b.length - a.length);
  const messages: VerifyMessage[] = [];
  for (const raw of output.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (line === "") continue;
    const file = byLength.find((path) => line.startsWith(`${path}:`));
    const message = file ? located(line.slice(file.length + 1), file) : undefined;
    if (message) {
      messages.push(message);
      continue;
    }
    const elsewhere = UNKNOWN_FILE_LOCATION.exec(line);
    if (elsewhere) {
      messages.push({ file: elsewhere[1]!, line: Number(elsewhere[2]), text: elsewhere[3]! });
      continue;
    }
    const unit = units.find((name) => line.startsWith(`${name}: `));
    messages.push(unit ? { unit, text: line.slice(unit.length + 2) } : { text: line });
  }
  return messages;
}

export type VerifyCode =
  | "unknown-key"
  | "unknown-section"
  | "invalid-section-header"
  | "outside-section"
  | "bad-value"
  | "deprecated"
  | "missing-executable"
  | "missing-unit"
  | "refused"
  | "load-failed"
  | "bad-setting"
  | "masked"
  | "invalid-unit-name"
  | "missing-equals";

export type VerifySeverity = "error" | "warning" | "information";

export interface Classification {
  code?: VerifyCode;
  severity: VerifySeverity;
  /** The message depends on the machine running the check (its programs, its units), not on the file. */
  environmentDependent: boolean;
  /** The directive the message names, when it names one. */
  directive?: string;
  /** The section the message names, when it names one. */
  section?: string;
}

interface Pattern {
  match: RegExp;
  code: VerifyCode;
  severity: VerifySeverity;
  environmentDependent?: true;
}

// First match wins. The wording is systemd 252's; older wordings are noted where they differ.
const PATTERNS: readonly Pattern[] = [
  // Before 250: "Unknown key name 'Foo' in section 'Service', ignoring."
  { match: /^Unknown key (?:name )?'(?<directive>[^']*)' in section [[']?(?<section>[^\]']*)/, code: "unknown-key", severity: "warning" },
  { match: /^Unknown section '(?<section>[^']*)'/, code: "unknown-section", severity: "warning" },
  { match: /^Invalid section header/, code: "invalid-section-header", severity: "error" },
  { match: /^Assignment outside of section/, code: "outside-section", severity: "warning" },
  { match: /^Missing '=', ignoring line/, code: "missing-equals", severity: "warning" },
  // What a unit runs and the units it names are looked up on the machine doing the check.
  { match: /^Command .* is not executable/, code: "missing-executable", severity: "information", environmentDependent: true },
  { match: /\bUnit \S+ not found\b|\bservice \S+ not loaded\b/, code: "missing-unit", severity: "information", environmentDependent: true },
  // A bad command line is fatal: systemd logs it as an error and will not start the unit.
  { match: /^(Neither a valid executable name|Executable (name|path)|Empty executable name)/, code: "bad-value", severity: "error" },
  { match: /please use \S+ instead|\bdeprecated\b|will be removed/i, code: "deprecated", severity: "warning" },
  { match: /^Failed to parse (?:(?<directive>[A-Za-z]+)= )?|^Invalid /, code: "bad-value", severity: "warning" },
  { match: /Refusing\.?$/, code: "refused", severity: "error" },
  { match: /has a bad unit file setting/, code: "bad-setting", severity: "error" },
  { match: /failed to load properly|has fatal error/, code: "load-failed", severity: "error" },
  // An empty unit file counts as masked.
  { match: /\bis masked\b/, code: "masked", severity: "error" },
  { match: /^Failed to prepare filename/, code: "invalid-unit-name", severity: "error" },
];

/** What a message means for the user; messages no pattern knows are warnings without a code. */
export function classifyMessage(text: string): Classification {
  for (const pattern of PATTERNS) {
    const match = pattern.match.exec(text);
    if (!match) continue;
    const { directive, section } = match.groups ?? {};
    return {
      code: pattern.code,
      severity: pattern.severity,
      environmentDependent: pattern.environmentDependent ?? false,
      ...(directive && { directive }),
      ...(section && { section }),
    };
  }
  return { severity: "warning", environmentDependent: false };
}

/** Lines that mean systemd-analyze could not set itself up, so nothing was checked. */
export function isRunFailure(message: VerifyMessage): boolean {
  return message.file === undefined && /^Failed to (initialize manager|lookup RuntimeDirectory path)\b/.test(message.text);
}
