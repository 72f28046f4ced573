import { readFile, writeFile } from "node:fs/promises";
import type { Diagnostic } from "vscode-languageserver-types";
import { UsageError, type CliIo } from "./io";
import type { FileDiagnostics } from "./lintReports";

/** A recorded finding: where and what, without the line, so edits elsewhere in the file keep it matched. */
interface BaselineEntry {
  file: string;
  rule: string;
  message: string;
}

const keyOf = (entry: BaselineEntry) => JSON.stringify([entry.file, entry.rule, entry.message]);
const entryOf = (file: string, d: Diagnostic): BaselineEntry => ({
  file,
  rule: String(d.code ?? d.source ?? ""),
  message: typeof d.message === "string" ? d.message : d.message.value,
});

/** Today's findings as a baseline file's text. */
export function baselineText(results: readonly FileDiagnostics[]): string {
  const findings = results.flatMap(({ file, diagnostics }) => diagnostics.map((d) => entryOf(file, d)));
  return `${JSON.stringify({ version: 1, findings }, null, 2)}\n`;
}

/** The baseline file's findings, each as many times as it was recorded; an error names what is wrong. */
export function parseBaseline(text: string): Map<string, number> {
  const value = JSON.parse(text) as { version?: unknown; findings?: unknown };
  if (value.version !== 1 || !Array.isArray(value.findings)) throw new Error("not a baseline file of unitsmith lint (version 1)");
  const counts = new Map<string, number>();
  for (const entry of value.findings as BaselineEntry[]) counts.set(keyOf(entry), (counts.get(keyOf(entry)) ?? 0) + 1);
  return counts;
}

/** The findings not in the baseline: as many of each recorded finding as it holds are taken out. */
export function newFindings(results: readonly FileDiagnostics[], baseline: Map<string, number>): FileDiagnostics[] {
  const left = new Map(baseline);
  return results.map((result) => ({
    ...result,
    diagnostics: result.diagnostics.filter((d) => {
      const key = keyOf(entryOf(result.file, d));
      const count = left.get(key) ?? 0;
      if (count > 0) left.set(key, count - 1);
      return count === 0;
    }),
  }));
}

/** --baseline FILE: the findings FILE does not record; when FILE does not exist, it records them all and none are new. */
export async function againstBaseline(path: string, results: readonly FileDiagnostics[], io: CliIo): Promise<FileDiagnostics[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw new UsageError(`--baseline ${path}: ${(error as Error).message}`);
    await writeFile(path, baselineText(results), { flag: "wx" });
    const count = results.reduce((sum, r) => sum + r.diagnostics.length, 0);
    io.stderr(`${path}: recorded ${count} finding${count === 1 ? "" : "s"} as the baseline\n`);
    return results.map((result) => ({ ...result, diagnostics: [] }));
  }
  let baseline: Map<string, number>;
  try {
    baseline = parseBaseline(text);
  } catch (error) {
    throw new UsageError(`--baseline ${path}: ${(error as Error).message}`);
  }
  return newFindings(results, baseline);
}
