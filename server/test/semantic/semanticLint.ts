import { computeDiagnostics } from "../../src/language/diagnostics";
import { parseUnitFile } from "../../src/language/parser";
import { unitKind } from "../../src/language/unitKind";

/** `line:code` of each diagnostic of the given rules, 1-based lines; other rules are left out so fixtures can stay short. */
export function semantic(path: string, text: string, rules: readonly string[], siblingUnits?: ReadonlySet<string>): string[] {
  return computeDiagnostics(parseUnitFile(text), unitKind(path), { ...(siblingUnits && { siblingUnits }) })
    .filter((d) => rules.includes(String(d.code)))
    .map((d) => `${d.range.start.line + 1}:${String(d.code)}`);
}

/** The messages of the diagnostics of one rule. */
export function messages(path: string, text: string, rule: string, siblingUnits?: ReadonlySet<string>): string[] {
  return computeDiagnostics(parseUnitFile(text), unitKind(path), { ...(siblingUnits && { siblingUnits }) })
    .filter((d) => d.code === rule)
    .map((d) => (typeof d.message === "string" ? d.message : d.message.value));
}

export const lines = (...rows: string[]) => rows.join("\n") + "\n";
