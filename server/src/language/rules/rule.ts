import type { EntryNode, Section, Span, UnitFile } from "../parser";
import type { OrderingEdges } from "../graph/orderingEdges";
import type { UnitCatalog } from "../unitCatalog";
import type { UnitKind } from "../unitKind";
import type { ValueMemo } from "./valueMemo";

export type Severity = "error" | "warning" | "info" | "hint";

/** A lint rule as users see it: a stable id, a default severity and what it checks. */
export interface RuleInfo {
  id: string;
  defaultSeverity: Severity;
  description: string;
}

export interface Finding {
  rule: RuleInfo;
  span: Span;
  message: string;
  /** What a quick fix needs beyond the range, e.g. the suggested name; passed on as Diagnostic.data. */
  data?: unknown;
}

/** One system the units must run on: a distribution release or a bare systemd version. */
export interface NamedTarget {
  /** "debian-12", or "systemd 252" for a version given as a number. */
  name: string;
  systemd: number;
  podman?: string;
}

/** The systemd the unit is written for. */
export interface TargetSystemd {
  /** The oldest systemd among the targets: what every one of them has. */
  version?: number;
  /** The targets as given, when more than a version was named; findings say which of them fail. */
  targets?: readonly NamedTarget[];
  /**
   * Section → directives the installed systemd accepts (from --dump-configuration-items); sections
   * it does not list, such as [Install], are not judged by it.
   */
  knownItems?: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface RuleContext {
  file: UnitFile;
  kind: UnitKind;
  target: TargetSystemd;
  /** Names of the unit files beside this one (same directory or workspace); undefined when not known. */
  siblingUnits?: ReadonlySet<string>;
  /** The units of the workspace and the machine the file may name; rules about other units stay silent without it. */
  units?: UnitCatalog;
  /** What the units of the workspace and the machine start after, for rules about ordering loops. */
  ordering?: OrderingEdges;
  /** Earlier checks of the same values, for rules whose findings on a value depend on the value and its directive alone. */
  memo?: ValueMemo;
}

/**
 * A family's checks of one section and of one entry, each from what it holds, its section's name,
 * the file's kind, the target and the unit catalog alone (never from other entries or the machine).
 */
export interface EntryChecks {
  /** Findings about the section itself, before its entries'. */
  section?(section: Section, context: RuleContext): Finding[];
  entry(entry: EntryNode, section: Section, context: RuleContext): Finding[];
}

/** A family of rules that share one pass over the file. */
export interface RuleFamily {
  rules: readonly RuleInfo[];
  check(context: RuleContext): Finding[];
  /**
   * Set when `check` finds exactly what these find, section after section, in order: the analysis
   * of an edit then keeps the findings of the entries the edit did not touch.
   */
  perEntry?: EntryChecks;
}

/** What `checks` find in the whole file, section after section. */
export function checkEachEntry(checks: EntryChecks, context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const section of context.file.sections) {
    if (checks.section) findings.push(...checks.section(section, context));
    for (const entry of section.entries) findings.push(...checks.entry(entry, section, context));
  }
  return findings;
}
