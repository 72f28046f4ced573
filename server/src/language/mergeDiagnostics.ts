import type { Diagnostic, Position, Range } from "vscode-languageserver-types";

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

function namesSubject(diagnostic: Diagnostic): boolean {
  const data = diagnostic.data as Partial<VerifyDiagnosticData> | undefined;
  return Boolean(data?.directive || data?.section);
}

export const byPosition = (a: Diagnostic, b: Diagnostic) =>
  a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

/**
 * The server's own diagnostics plus those of systemd-analyze that say something new. A verify
 * diagnostic repeats one of ours when it names a directive or section (so its range was narrowed
 * to that key, value or section name) and one of ours overlaps that range: both then point at the
 * same part of the same line, e.g. "Unknown key 'Foo'" and our unknown-directive on `Foo`. Ours is
 * kept for its better message; verify diagnostics about a whole line or the whole unit always stay.
 */
export function mergeDiagnostics(own: readonly Diagnostic[], verify: readonly Diagnostic[]): Diagnostic[] {
  const fresh = verify.filter((v) => !(namesSubject(v) && own.some((o) => overlaps(o.range, v.range))));
  // Sorting is stable: at the same position ours comes first.
  return [...own, ...fresh].sort(byPosition);
}
