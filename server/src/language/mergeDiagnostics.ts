import { DiagnosticSeverity, type Diagnostic, type Position, type Range } from "vscode-languageserver-types";

/** What a diagnostic from `systemd-analyze verify` carries in `data`. */
export interface VerifyDiagnosticData {
  /** It depends on the machine running the check (a program or unit not installed there), not on the file. */
  environmentDependent: boolean;
  /** Set when the range was narrowed to this directive's key or value. */
  directive?: string;
  /** Set when the range was narrowed to this section's name. */
  section?: string;
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
const same = (a: Position, b: Position) => a.line === b.line && a.character === b.character;

function overlaps(a: Range, b: Range): boolean {
  if (same(a.start, a.end) || same(b.start, b.end)) return !before(a.end, b.start) && !before(b.end, a.start);
  return before(a.start, b.end) && before(b.start, a.end);
}

/**
 * What systemd-analyze verify's messages mean, as the rules of ours that report the same problem.
 * A unit-level message ("Service has no ExecStart= … Refusing.") is the same problem as our
 * finding of that rule wherever it is shown; a line-level one only on the same line.
 */
const UNIT_MEANINGS: readonly [RegExp, string][] = [
  [/has no ExecStart=|lacks both ExecStart= and ExecStop=/, "missing-exec-start"],
  [/more than one ExecStart=/, "multiple-exec-start"],
  [/Restart= set to either always or on-success/, "oneshot-restart"],
  [/no D-Bus service name/, "dbus-without-bus-name"],
  [/Kill mode must be set to/, "pam-kill-mode"],
  [/Timer unit lacks value setting/, "timer-without-trigger"],
  [/has no Listen setting/, "socket-without-listen"],
  [/Path unit lacks path setting/, "path-without-watch"],
  [/Explicit service configuration for accepting socket/, "accept-with-service"],
  [/Where= setting doesn't match unit name/, "mount-where-mismatch"],
  [/What= setting is missing/, "mount-without-what"],
];

/** Verify's classification of a line-level message → the rules of ours that say the same of that line. */
const LINE_MEANINGS: Readonly<Record<string, readonly string[]>> = {
  "unknown-key": ["unknown-directive", "misplaced-directive", "removed-directive", "newer-directive"],
  "unknown-section": ["unknown-section"],
  "invalid-section-header": ["invalid-section-header"],
  "outside-section": ["entry-outside-section"],
  "missing-equals": ["malformed-line"],
  "bad-value": ["invalid-value", "questionable-value", "unknown-capability"],
  deprecated: ["deprecated-directive"],
};

/** Verify's summaries of a unit that failed to load: they repeat whichever error made it fail. */
const CONSEQUENCES = new Set(["bad-setting", "load-failed"]);

const messageOf = (d: Diagnostic) => (typeof d.message === "string" ? d.message : d.message.value);

/** Whether one of our diagnostics already says what the verify diagnostic `v` says. */
function saysTheSame(v: Diagnostic, own: readonly Diagnostic[]): boolean {
  const ours = (rules: readonly string[], line?: number) =>
    own.some((o) => rules.includes(String(o.code)) && (line === undefined || o.range.start.line === line));
  const unitRule = UNIT_MEANINGS.find(([pattern]) => pattern.test(messageOf(v)))?.[1];
  if (unitRule) return ours([unitRule]);
  const code = String(v.code);
  if (CONSEQUENCES.has(code)) return own.some((o) => o.severity === DiagnosticSeverity.Error);
  const lineRules = LINE_MEANINGS[code];
  return lineRules !== undefined && ours(lineRules, v.range.start.line);
}

function namesSubject(diagnostic: Diagnostic): boolean {
  const data = diagnostic.data as Partial<VerifyDiagnosticData> | undefined;
  return Boolean(data?.directive || data?.section);
}

export const byPosition = (a: Diagnostic, b: Diagnostic) =>
  a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

/**
 * The server's own diagnostics plus those of systemd-analyze that say something new: one problem,
 * one finding, ours kept for its clearer message. A verify diagnostic repeats one of ours when
 * - it means what one of our rules reports (its message mapped to the rule): anywhere in the file
 *   for a unit-level refusal ("Service has no ExecStart=" beside our missing-exec-start, which a
 *   misspelled ExecStart= also brings), on the same line for a line-level message;
 * - it is a summary of a failed load ("has a bad unit file setting") and we report an error;
 * - it names a directive or section (so its range was narrowed to that key, value or section
 *   name) and one of ours overlaps that range, e.g. "Unknown key 'Foo'" and our unknown-directive;
 * - the file is binary (our invalid-encoding for NUL bytes), where verify's line-by-line
 *   complaints are all that one problem.
 */
export function mergeDiagnostics(own: readonly Diagnostic[], verify: readonly Diagnostic[]): Diagnostic[] {
  if (own.some((o) => o.code === "invalid-encoding" && /NUL bytes/.test(messageOf(o)))) return [...own];
  const fresh = verify.filter((v) => !saysTheSame(v, own) && !(namesSubject(v) && own.some((o) => overlaps(o.range, v.range))));
  // Sorting is stable: at the same position ours comes first.
  return [...own, ...fresh].sort(byPosition);
}
