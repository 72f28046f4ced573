import { unitOf } from "../effectiveUnit/effectiveUnit";
import { orderingCycle, orderingOf } from "../graph/orderingEdges";
import { resolveUnit } from "../unitCatalog";
import { entryUnitReferences, unitReferences, type UnitReference } from "../unitReferences";
import { memoized } from "../memoized";
import { parseUnitName } from "../values/unitName";
import { checkEachEntry, type EntryChecks, type Finding, type RuleContext, type RuleFamily, type RuleInfo } from "./rule";
import { unitTypeOf } from "./semanticAssignments";

export const unitNotFound: RuleInfo = {
  id: "unit-not-found",
  defaultSeverity: "hint",
  description:
    "A unit named as a dependency that is in neither the workspace, this machine's unit directories nor systemd's special units.",
};

export const orderingCycleRule: RuleInfo = {
  id: "ordering-cycle",
  defaultSeverity: "warning",
  description: "After= and Before= that, with those of other units, make a loop; systemd breaks it at boot by dropping one of the jobs.",
};

export const requiredAndConflicting: RuleInfo = {
  id: "requires-and-conflicts",
  defaultSeverity: "warning",
  description:
    "A unit both pulled in (Requires=, Wants=, BindsTo=, ...) and in Conflicts=: the two jobs exclude each other, so the start fails.",
};

/** Dependencies whose absence systemd notices: a missing unit fails the start, or is skipped without a word. */
const FAILING = new Set(["Requires", "Requisite", "BindsTo"]);
const SKIPPED = new Set([
  "Wants",
  "PartOf",
  "Upholds",
  "OnFailure",
  "OnSuccess",
  "PropagatesReloadTo",
  "ReloadPropagatedFrom",
  "PropagatesStopTo",
  "StopPropagatedFrom",
  "JoinsNamespaceOf",
  "WantedBy",
  "RequiredBy",
  "UpheldBy",
  "Also",
  "Sockets",
]);
/** Types whose units come from unit files; devices, mounts, swaps, slices and scopes also appear at run time without one. */
const FILE_TYPES = new Set(["service", "socket", "target", "timer", "path"]);
const PULLING = new Set(["Requires", "Requisite", "BindsTo", "Wants", "Upholds"]);

/**
 * Whether the name stands for a unit that needs a file to exist: no specifier, a type only files
 * define. Asked of every unit a file names, again after each keystroke.
 */
const needsFile = memoized(
  10_000,
  (reference: UnitReference) => reference.name,
  ({ name }: UnitReference): boolean => {
    if (name.includes("%")) return false;
    const parsed = parseUnitName(name);
    return parsed.ok && FILE_TYPES.has(parsed.unit.type);
  },
);

/** A unit named nowhere, judged entry by entry: an entry's findings are kept while it and the catalog stay the same. */
const missingUnitChecks: EntryChecks = {
  entry(entry, section, { kind, units }) {
    if (!units || !unitTypeOf(kind)) return [];
    const findings: Finding[] = [];
    for (const reference of entryUnitReferences(entry, section.name, kind)) {
      const failing = FAILING.has(reference.directive);
      if ((!failing && !SKIPPED.has(reference.directive)) || !needsFile(reference) || resolveUnit(units, reference.name)) continue;
      const consequence = failing
        ? "starting this unit then fails"
        : reference.section === "Install"
          ? "enabling this unit then does not hook it in there"
          : "systemd then goes on without it";
      findings.push({
        rule: unitNotFound,
        span: { start: reference.start, end: reference.end },
        message: `No unit ${reference.name} is in the workspace, in this machine's unit directories or among systemd's special units: ${consequence}, unless a package on the machine the unit runs on provides it.`,
        data: { unit: reference.name },
      });
    }
    return findings;
  },
};

export const missingUnitRules: RuleFamily = {
  rules: [unitNotFound],
  check: (context) => checkEachEntry(missingUnitChecks, context),
  perEntry: missingUnitChecks,
};

/** The directives the whole-file rules below read. */
const PULLING_CONFLICTING_OR_ORDERING = new Set([...PULLING, "Conflicts", "After", "Before"]);

export const referenceRules: RuleFamily = {
  rules: [requiredAndConflicting, orderingCycleRule],
  check({ file, kind, ordering }: RuleContext): Finding[] {
    if (!unitTypeOf(kind)) return [];
    const references = unitReferences(file, kind, PULLING_CONFLICTING_OR_ORDERING);
    const findings: Finding[] = [];
    const pulled = new Set(references.filter((reference) => PULLING.has(reference.directive)).map((reference) => reference.name));
    for (const reference of references) {
      if (reference.directive !== "Conflicts" || !pulled.has(reference.name)) continue;
      findings.push({
        rule: requiredAndConflicting,
        span: { start: reference.start, end: reference.end },
        message: `${reference.name} is pulled in and in Conflicts= at once: the two jobs exclude each other, so systemd refuses the start ("Transaction contains conflicting jobs").`,
      });
    }
    const unit = unitOf(kind);
    const cycle = ordering && unit && orderingCycle(unit, orderingOf(unit, file), ordering);
    const first =
      cycle &&
      references.find(
        (reference) => (reference.directive === "After" || reference.directive === "Before") && cycle.includes(reference.name),
      );
    if (cycle && first) {
      findings.push({
        rule: orderingCycleRule,
        span: { start: first.start, end: first.end },
        message: `An ordering loop: ${cycle.join(" starts after ")}. systemd breaks it at boot by dropping one of the jobs, so some unit of the loop may not start; remove one After= or Before= of it.`,
      });
    }
    return findings;
  },
};
