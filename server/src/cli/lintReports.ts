import { DiagnosticSeverity, type CodeAction, type Diagnostic } from "vscode-languageserver-types";
import type { Severity } from "../language/rules/rule";

export interface FileDiagnostics {
  file: string;
  diagnostics: Diagnostic[];
  /** The quick fixes offered for each diagnostic, where the report carries them. */
  fixes?: ReadonlyMap<Diagnostic, readonly CodeAction[]>;
}

const severityName: Record<DiagnosticSeverity, Severity> = {
  [DiagnosticSeverity.Error]: "error",
  [DiagnosticSeverity.Warning]: "warning",
  [DiagnosticSeverity.Information]: "info",
  [DiagnosticSeverity.Hint]: "hint",
};

export function nameOf(diagnostic: Diagnostic): Severity {
  return severityName[diagnostic.severity ?? DiagnosticSeverity.Error];
}

/** `path:line:col: severity: message [rule-id]`, with 1-based lines and columns. */
export function textReport(results: readonly FileDiagnostics[]): string {
  return results
    .flatMap(({ file, diagnostics }) =>
      diagnostics.map(
        (d) => `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${nameOf(d)}: ${d.message} [${String(d.code)}]\n`,
      ),
    )
    .join("");
}

export function jsonReport(results: readonly FileDiagnostics[]): string {
  const rows = results.flatMap(({ file, diagnostics }) =>
    diagnostics.map((d) => ({ file, range: d.range, severity: nameOf(d), code: d.code, source: d.source, message: d.message })),
  );
  return `${JSON.stringify(rows, null, 2)}\n`;
}
