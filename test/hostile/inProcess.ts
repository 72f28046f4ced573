import { pathToFileURL } from "node:url";
import { DiagnosticSeverity, type Diagnostic, type Position, type Range } from "vscode-languageserver-types";
import { TextDocument } from "vscode-languageserver-textdocument";
import { createUnitLanguageService, emptyHost } from "../../server/src/language/languageService";
import { SECURITY_SOURCE } from "../../server/src/language/quickFixes/securityFindings";
import type { TargetSystemd } from "../../server/src/language/rules/rule";
import { LANGUAGE_ID } from "../../server/src/protocol/languageId";
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

/** Every feature of the language service on one document, on a host that knows no machine. */
export async function answerInProcess(text: string, path: string, positions: readonly Position[], target: TargetSystemd): Promise<Answers> {
  const service = createUnitLanguageService(emptyHost(), { target });
  const document = TextDocument.create(pathToFileURL(path).href, LANGUAGE_ID, 1, text);
  const parsed = service.analyze(document).file !== undefined;
  const ranges = rangesFrom(positions);
  const each = <I, O>(inputs: readonly I[], run: (input: I) => O | Promise<O>): Promise<Awaited<O>[]> =>
    inputs.reduce<Promise<Awaited<O>[]>>(async (done, input) => [...(await done), await run(input)], Promise.resolve([]));
  return {
    diagnostics: await service.diagnostics(document),
    completions: await each(positions, async (position) => ({ position, items: await service.completion(document, position) })),
    hovers: await each(positions, async (position) => ({ position, hover: (await service.hover(document, position)) ?? undefined })),
    symbols: service.documentSymbols(document),
    folds: service.foldingRanges(document),
    formatting: service.format(document),
    rangeFormatting: ranges.map((range) => ({ range, edits: service.format(document, range) })),
    codeActions: parsed
      ? ranges.flatMap((range) => service.codeActions(document, { diagnostics: securityFindingsAt(range), only: ["quickfix"] }))
      : [],
  };
}
