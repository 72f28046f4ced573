import type { Diagnostic } from "vscode-languageserver-types";
import { computeDiagnostics, ruleDiagnostic, type DiagnosticOptions } from "./diagnostics";
import { parseUnitFile, reparseUnitFile, type UnitFile } from "./parser";
import { fileTooLarge, fileTooLargeMessage } from "./rules/limits";
import { unitKind, type UnitKind } from "./unitKind";

/** A document as the features see it: parsed, unless it is over the size limit. */
export interface Analysis {
  kind: UnitKind;
  /** Undefined when the text was too large to analyse. */
  file?: UnitFile;
  length: number;
  maxFileSizeKB: number;
}

/** `previous`, a parse of an earlier text of the same file, is kept where the edit did not reach. */
export function analyze(text: string, path: string, maxFileSizeKB: number, previous?: UnitFile): Analysis {
  if (text.length > maxFileSizeKB * 1024) return oversized(path, text.length, maxFileSizeKB);
  const kind = unitKind(path);
  const options = { template: kind.templateSource !== undefined };
  const file = previous ? reparseUnitFile(previous, text, options) : parseUnitFile(text, options);
  return { kind, file, length: text.length, maxFileSizeKB };
}

/** A file known to be over the limit, for callers that measured it without reading it. */
export function oversized(path: string, length: number, maxFileSizeKB: number): Analysis {
  return { kind: unitKind(path), length, maxFileSizeKB };
}

export function diagnose(analysis: Analysis, options: DiagnosticOptions = {}): Diagnostic[] {
  const severities = options.severities ?? {};
  if (analysis.file) return computeDiagnostics(analysis.file, analysis.kind, options);
  const start = { line: 0, character: 0 };
  const diagnostic = ruleDiagnostic(
    fileTooLarge,
    { start, end: start },
    fileTooLargeMessage(analysis.length, analysis.maxFileSizeKB),
    severities,
  );
  return diagnostic ? [diagnostic] : [];
}
