import { performance } from "node:perf_hooks";
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

export interface Timed {
  answers: Answers;
  /** The slowest single call and how long it took. */
  slowest: { name: string; ms: number };
}

/** Every feature of the pure core on one document, each call timed. */
export function answerInProcess(text: string, path: string, positions: readonly Position[], target: TargetSystemd): Timed {
  let slowest = { name: "", ms: 0 };
  const timed = <T>(name: string, run: () => T): T => {
    const start = performance.now();
    const result = run();
    const ms = performance.now() - start;
    if (ms > slowest.ms) slowest = { name, ms };
    return result;
  };
  const analysis = timed("analyze", () => analyze(text, path, 2048));
  const file = analysis.file;
  const diagnostics = timed("diagnostics", () => diagnose(analysis, { target }));
  const ranges = rangesFrom(positions);
  const answers: Answers = {
    diagnostics,
    completions: positions.map((position) => ({
      position,
      items: file ? timed("completion", () => completions({ file, kind: analysis.kind, position, target })) : [],
    })),
    hovers: positions.map((position) => ({
      position,
      hover: file ? timed("hover", () => hover({ file, kind: analysis.kind, position, target }))?.hover : undefined,
    })),
    symbols: file ? timed("symbols", () => documentSymbols(file)) : [],
    folds: file ? timed("folding", () => foldingRanges(file)) : [],
    formatting: file ? timed("formatting", () => formattingEdits(file)) : [],
    rangeFormatting: ranges.map((range) => ({
      range,
      edits: file ? timed("rangeFormatting", () => formattingEdits(file, undefined, range)) : [],
    })),
    codeActions: file
      ? ranges.flatMap((range) => timed("codeAction", () => securityCodeActions(pathToFileURL(path).href, file, securityFindingsAt(range))))
      : [],
  };
  return { answers, slowest };
}
