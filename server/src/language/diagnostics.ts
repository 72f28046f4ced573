import { Diagnostic, DiagnosticSeverity, type Position, type Range } from "vscode-languageserver-types";
import type { UnitFile } from "./parser";
import type { OrderingEdges } from "./graph/orderingEdges";
import type { UnitCatalog } from "./unitCatalog";
import { encodingRules } from "./rules/encodingRules";
import { ruleFamilies } from "./rules/registry";
import type { Finding, RuleContext, RuleInfo, Severity, TargetSystemd } from "./rules/rule";
import type { KeptDiagnostics } from "./keptDiagnostics";
import { rulePageOf } from "./rulePages";
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
  rulePages?: string,
): Diagnostic | undefined {
  const severity = severities[rule.id] ?? rule.defaultSeverity;
  if (severity === "ignore") return undefined;
  return {
    range,
    severity: lspSeverity[severity],
    code: rule.id,
    source: DIAGNOSTIC_SOURCE,
    message,
    ...(data !== undefined && { data }),
    ...(rulePages !== undefined && { codeDescription: { href: rulePageOf(rulePages, rule.id) } }),
  };
}

/** Our diagnostics with `codeDescription` linking each to its rule's page; unchanged when there are no pages. */
export function linkRulePages(diagnostics: Diagnostic[], base: string | undefined): Diagnostic[] {
  if (base === undefined) return diagnostics;
  return diagnostics.map((d) => {
    if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== "string") return d;
    const href = rulePageOf(base, d.code);
    // Those the rules made link to their page already.
    return d.codeDescription?.href === href ? d : { ...d, codeDescription: { href } };
  });
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
  /** The document's diagnostics of its last analysis, handed back where nothing about them changed. */
  kept?: KeptDiagnostics;
  /** Where the rule pages are (a URI ending in "/"): each diagnostic then links to its rule's page. */
  rulePages?: string;
}

/**
 * Freezes a diagnostic and everything it holds. The diagnostics an analysis makes are handed back
 * by the next ones where they did not change, and the server writes the JSON of a frozen one once
 * (lsp/publicationJson.ts): frozen, neither can see it change.
 */
function frozen<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const each of Object.values(value)) frozen(each);
  }
  return value;
}

const samePosition = (a: Position, b: Position) => a.line === b.line && a.character === b.character;

/** Whether a diagnostic says all that the finding's would. */
function saysTheSame(diagnostic: Diagnostic, finding: Finding, range: Range, severity: DiagnosticSeverity): boolean {
  return (
    diagnostic.code === finding.rule.id &&
    diagnostic.severity === severity &&
    samePosition(diagnostic.range.start, range.start) &&
    samePosition(diagnostic.range.end, range.end) &&
    diagnostic.message === finding.message &&
    (diagnostic.data === finding.data || JSON.stringify(diagnostic.data) === JSON.stringify(finding.data))
  );
}

export function computeDiagnostics(
  file: UnitFile,
  kind: UnitKind,
  { severities = {}, target = {}, siblingUnits, units, ordering, memo, kept, rulePages }: DiagnosticOptions = {},
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // A file with NUL bytes is binary, not a unit with mistakes: one finding says so, not one per line.
  const families = file.text.includes("\0") ? [encodingRules] : ruleFamilies;
  // In a build template a placeholder stands for a value filled in later: nothing on it is judged.
  const placeholders = kind.templateSource ? placeholderSpans(file.text) : [];
  const context: RuleContext = {
    file,
    kind,
    target,
    ...(siblingUnits && { siblingUnits }),
    ...(units && { units }),
    ...(ordering && { ordering }),
    ...(memo && { memo }),
  };
  /** The diagnostic of a finding at the severity the settings give its rule, the same object as last time if it says the same. */
  const add = (finding: Finding, into: Diagnostic[]): void => {
    if (touchesPlaceholder(finding.span, placeholders)) return;
    const severity = severities[finding.rule.id] ?? finding.rule.defaultSeverity;
    if (severity === "ignore") return;
    const range = file.lines.rangeOf(finding.span.start, finding.span.end);
    const diagnostic =
      kept?.find(range.start.line, (d) => saysTheSame(d, finding, range, lspSeverity[severity])) ??
      frozen(ruleDiagnostic(finding.rule, range, finding.message, severities, finding.data, rulePages)!);
    kept?.keep(diagnostic);
    into.push(diagnostic);
  };
  // An entry's findings of the per-entry families are kept while its text and place stay the same;
  // a template's are not, since its placeholders decide what is judged.
  const perEntry = kept && placeholders.length === 0;
  kept?.begin([JSON.stringify([kind, severities, target.version, target.targets]), target.knownItems, rulePages, families, units]);
  const entries = perEntry ? kept.entries(file) : undefined;
  let perEntryFamily = 0;
  for (const family of families) {
    if (!entries || !family.perEntry) {
      for (const finding of family.check(context)) add(finding, diagnostics);
      continue;
    }
    const checks = family.perEntry;
    const place = perEntryFamily++;
    let index = 0;
    // Indexed loops: this one runs for every entry of every per-entry family, and an iterator for
    // each, where the function is not optimized yet, was half a megabyte a keystroke in a large unit.
    for (const section of file.sections) {
      if (checks.section) for (const finding of checks.section(section, context)) add(finding, diagnostics);
      const sectionEntries = section.entries;
      for (let e = 0; e < sectionEntries.length; e++) {
        const entry = sectionEntries[e]!;
        const record = entries[index++]!;
        let found = record.found[place];
        if (!found) {
          found = record.found[place] = [];
          for (const finding of checks.entry(entry, section, context)) add(finding, found);
        }
        for (let f = 0; f < found.length; f++) diagnostics.push(found[f]!);
      }
    }
  }
  kept?.finish();
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
