import type { Diagnostic } from "vscode-languageserver-types";
import { DIAGNOSTIC_SOURCE } from "./diagnostics";

/** The page of a rule under `base`, the address of the rule pages (a URI ending in "/"). */
export const rulePageOf = (base: string, ruleId: string): string => `${base}${ruleId}.md`;

/** Our diagnostics with `codeDescription` linking each to its rule's page; unchanged when there are no pages. */
export function linkRulePages(diagnostics: Diagnostic[], base: string | undefined): Diagnostic[] {
  if (base === undefined) return diagnostics;
  return diagnostics.map((d) =>
    d.source === DIAGNOSTIC_SOURCE && typeof d.code === "string" ? { ...d, codeDescription: { href: rulePageOf(base, d.code) } } : d,
  );
}
