import { Diagnostic, DiagnosticSeverity, type Range } from "vscode-languageserver-types";
import type { UnitFile } from "./parser";
import type { OrderingEdges } from "./graph/orderingEdges";
import type { UnitCatalog } from "./unitCatalog";
import { encodingRules } from "./rules/encodingRules";
import { ruleFamilies } from "./rules/registry";
import type { RuleInfo, Severity, TargetSystemd } from "./rules/rule";
import { placeholderSpans, touchesPlaceholder } from "./templatePlaceholders";
import type { UnitKind } from "./unitKind";
import type { ValueMemo } from "./rules/valueMemo";

export type SeveritySetting = Severity | "ignore";

/** Severity per rule id; rules not named keep their default. */
export type LintSeverities = Readonly<Record<string, SeveritySetting>>;

export const DIAGNOSTIC_SOURCE = "unitsmith";

const lspSeverity: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A diagnostic for a rule at the severity the settings give it; undefined when the rule is ignored. */
export function ruleDiagnostic(
  rule: RuleInfo,
  range: Range,
  message: string,
  severities: LintSeverities,
  data?: unknown,
): Diagnostic | undefined {
  const severity = severities[rule.id] ?? rule.defaultSeverity;
  if (severity === "ignore") return undefined;
  return { range, severity: lspSeverity[severity], code: rule.id, source: DIAGNOSTIC_SOURCE, message, ...(data !== undefined && { data }) };
}

export interface DiagnosticOptions {
  severities?: LintSeverities;
  target?: TargetSystemd;
  /** Names of the unit files beside this one, for rules about the units a timer or socket starts. */
  siblingUnits?: ReadonlySet<string>;
  /** The units the file may name, for rules about units named nowhere. */
  units?: UnitCatalog;
  /** What those units start after, for rules about ordering loops. */
  ordering?: OrderingEdges;
  /** Checks of values kept from earlier analyses (the language service keeps one). */
  memo?: ValueMemo;
}

export function computeDiagnostics(
  file: UnitFile,
  kind: UnitKind,
  { severities = {}, target = {}, siblingUnits, units, ordering, memo }: DiagnosticOptions = {},
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // A file with NUL bytes is binary, not a unit with mistakes: one finding says so, not one per line.
  const families = file.text.includes("\0") ? [encodingRules] : ruleFamilies;
  // In a build template a placeholder stands for a value filled in later: nothing on it is judged.
  const placeholders = kind.templateSource ? placeholderSpans(file.text) : [];
  for (const family of families) {
    for (const finding of family.check({
      file,
      kind,
      target,
      ...(siblingUnits && { siblingUnits }),
      ...(units && { units }),
      ...(ordering && { ordering }),
      ...(memo && { memo }),
    })) {
      if (touchesPlaceholder(finding.span, placeholders)) continue;
      const range = file.lines.rangeOf(finding.span.start, finding.span.end);
      const diagnostic = ruleDiagnostic(finding.rule, range, finding.message, severities, finding.data);
      if (diagnostic) diagnostics.push(diagnostic);
    }
  }
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
