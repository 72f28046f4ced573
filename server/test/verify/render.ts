import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver-types";
import { LineIndex } from "../../src/language/text/lineIndex";

const names: Record<DiagnosticSeverity, string> = {
  [DiagnosticSeverity.Error]: "error",
  [DiagnosticSeverity.Warning]: "warning",
  [DiagnosticSeverity.Information]: "info",
  [DiagnosticSeverity.Hint]: "hint",
};

export const messageText = (diagnostic: Diagnostic) =>
  typeof diagnostic.message === "string" ? diagnostic.message : diagnostic.message.value;

/** `line severity code «text under the range» message`, 1-based, "(environment)" for machine-dependent ones. */
export function describeDiagnostic(diagnostic: Diagnostic, text: string): string {
  const lines = new LineIndex(text);
  const covered = text.slice(lines.offsetAt(diagnostic.range.start), lines.offsetAt(diagnostic.range.end));
  const environment = (diagnostic.data as { environmentDependent?: boolean } | undefined)?.environmentDependent ? " (environment)" : "";
  const severity = names[diagnostic.severity ?? DiagnosticSeverity.Error];
  return `${diagnostic.range.start.line + 1} ${severity} ${String(diagnostic.code ?? "-")} «${covered}» ${messageText(diagnostic)}${environment}`;
}
