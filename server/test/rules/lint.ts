import { computeDiagnostics } from "../../src/language/diagnostics";
import { parseUnitFile } from "../../src/language/parser";
import type { TargetSystemd } from "../../src/language/rules/rule";
import { unitKind } from "../../src/language/unitKind";

/** Lints `text` as the file at `path` and returns `line:code message` rows, 1-based lines. */
export function lint(path: string, text: string, target: TargetSystemd = {}): string[] {
  return computeDiagnostics(parseUnitFile(text), unitKind(path), { target }).map(
    (d) => `${d.range.start.line + 1}:${String(d.code)} ${d.message}`,
  );
}

/** Only the `line:code` part of each row. */
export function codes(path: string, text: string, target: TargetSystemd = {}): string[] {
  return lint(path, text, target).map((row) => row.split(" ")[0]!);
}
