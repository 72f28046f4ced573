import { performance } from "node:perf_hooks";
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

export interface Timed {
  answers: Answers;
  /** The slowest single call and how long it took. */
  slowest: { name: string; ms: number };
}

/** Every feature of the language service on one document (on a host that knows no machine), each call timed. */
export async function answerInProcess(text: string, path: string, positions: readonly Position[], target: TargetSystemd): Promise<Timed> {
  let slowest = { name: "", ms: 0 };
  const timed = async <T>(name: string, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await run();
    const ms = performance.now() - start;
    if (ms > slowest.ms) slowest = { name, ms };
    return result;
  };
  const service = createUnitLanguageService(emptyHost(), { target });
  const document = TextDocument.create(pathToFileURL(path).href, LANGUAGE_ID, 1, text);
  const analysis = await timed("analyze", () => service.analyze(document));
  const diagnostics = await timed("diagnostics", () => service.diagnostics(document));
  const ranges = rangesFrom(positions);
  const each = <I, O>(inputs: readonly I[], name: string, run: (input: I) => O | Promise<O>): Promise<Awaited<O>[]> =>
    inputs.reduce<Promise<Awaited<O>[]>>(
      async (done, input) => [...(await done), await timed(name, () => run(input))],
      Promise.resolve([]),
    );
  const answers: Answers = {
    diagnostics,
    completions: await each(positions, "completion", async (position) => ({
      position,
      items: await service.completion(document, position),
    })),
    hovers: await each(positions, "hover", async (position) => ({
      position,
      hover: (await service.hover(document, position)) ?? undefined,
    })),
    symbols: await timed("symbols", () => service.documentSymbols(document)),
    folds: await timed("folding", () => service.foldingRanges(document)),
    formatting: await timed("formatting", () => service.format(document)),
    rangeFormatting: await each(ranges, "rangeFormatting", (range) => ({ range, edits: service.format(document, range) })),
    codeActions: analysis.file
      ? (
          await each(ranges, "codeAction", (range) =>
            service.codeActions(document, { diagnostics: securityFindingsAt(range), only: ["quickfix"] }),
          )
        ).flat()
      : [],
  };
  return { answers, slowest };
}
