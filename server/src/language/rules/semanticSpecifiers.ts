import { documentOffsetOf } from "../entryOffsets";
import type { UnitKind } from "../unitKind";
import { findSpecifiers } from "../values/specifiers";
import { checkEachEntry, type EntryChecks, type Finding, type RuleFamily, type RuleInfo } from "./rule";

export const instanceSpecifierOutsideTemplate: RuleInfo = {
  id: "instance-specifier-outside-template",
  defaultSeverity: "error",
  description: "%i or %I in a unit that is neither a template nor an instance, where systemd expands them to nothing.",
};

/** Whether the unit (or the unit a drop-in extends) certainly has no instance name. */
function withoutInstance(kind: UnitKind): boolean {
  const family = kind.file?.family;
  if (family !== "unit" && family !== "quadlet") return false;
  if (kind.dropIn) return kind.dropIn.target === "unit" && !kind.dropIn.parent.includes("@");
  return !kind.template && kind.instance === undefined;
}

const specifierChecks: EntryChecks = {
  entry(entry, section, { kind }) {
    if (!withoutInstance(kind) || section.name.startsWith("X-") || entry.key.startsWith("X-")) return [];
    const findings: Finding[] = [];
    for (const specifier of findSpecifiers(entry.value)) {
      if (specifier.letter !== "i" && specifier.letter !== "I") continue;
      findings.push({
        rule: instanceSpecifierOutsideTemplate,
        span: { start: documentOffsetOf(entry, specifier.start), end: documentOffsetOf(entry, specifier.end - 1) + 1 },
        message: `%${specifier.letter} is the instance name, and ${kind.dropIn ? kind.dropIn.parent : kind.name} has none: systemd expands it to an empty string. Make the unit a template (name@.${kind.file!.type}), or write the value out.`,
      });
    }
    return findings;
  },
};

export const specifierRules: RuleFamily = {
  rules: [instanceSpecifierOutsideTemplate],
  check: (context) => checkEachEntry(specifierChecks, context),
  perEntry: specifierChecks,
};
