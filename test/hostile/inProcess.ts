import { pathToFileURL } from "node:url";
import { DiagnosticSeverity, type Diagnostic, type Position, type Range } from "vscode-languageserver-types";
import { analyze, diagnose } from "../../server/src/language/analysis";
import { completions } from "../../server/src/language/completion";
import { foldingRanges } from "../../server/src/language/folding";
import { formattingEdits } from "../../server/src/language/formatting";
import { hover } from "../../server/src/language/hover";
import type { TargetSystemd } from "../../server/src/language/rules/rule";
import { documentSymbols } from "../../server/src/language/symbols";
import { SECURITY_SOURCE, securityCodeActions } from "../../server/src/operations/securityFindings";
import type { Answers } from "./answerChecks";

/** Security findings as the server would hold them after a security analysis, placed at `range`. */
export function securityFindingsAt(range: Range): Diagnostic[] {
  return ["PrivateTmp=", "SystemCallFilter=~@mount", "CapabilityBoundingSet=~CAP_SYS_ADMIN", "NotAKnownCheck="].map((code) => ({
    range,
    severity: DiagnosticSeverity.Information,
    source: SECURITY_SOURCE,
    code,
    message: "generated finding",
  }));
}

/** Ranges from consecutive pairs of positions, in document order. */
export function rangesFrom(positions: readonly Position[]): Range[] {
  const ranges: Range[] = [];
  for (let i = 0; i + 1 < positions.length; i += 2) {
    const [a, b] = [positions[i]!, positions[i + 1]!];
    ranges.push(a.line < b.line || (a.line === b.line && a.character <= b.character) ? { start: a, end: b } : { start: b, end: a });
  }
  return ranges;
}

/** Every feature of the pure core on one document. */
export function answerInProcess(text: string, path: string, positions: readonly Position[], target: TargetSystemd): Answers {
  const analysis = analyze(text, path, 2048);
  const file = analysis.file;
  const ranges = rangesFrom(positions);
  return {
    diagnostics: diagnose(analysis, { target }),
    completions: positions.map((position) => ({
      position,
      items: file ? completions({ file, kind: analysis.kind, position, target }) : [],
    })),
    hovers: positions.map((position) => ({
      position,
      hover: file ? hover({ file, kind: analysis.kind, position, target })?.hover : undefined,
    })),
    symbols: file ? documentSymbols(file) : [],
    folds: file ? foldingRanges(file) : [],
    formatting: file ? formattingEdits(file) : [],
    rangeFormatting: ranges.map((range) => ({
      range,
      edits: file ? formattingEdits(file, undefined, range) : [],
    })),
    codeActions: file ? ranges.flatMap((range) => securityCodeActions(pathToFileURL(path).href, file, securityFindingsAt(range))) : [],
  };
}
