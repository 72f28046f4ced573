import type { EntryNode, Section } from "../parser";
import { fileKindsWithSection, fileSchemaFor, unitSectionsAnywhere, type DirectiveInfo, type FileSchema } from "../schema/fileSchema";
import { closestMatch, closestMatches } from "../schema/suggest";
import { targetsLacking, targetsPast } from "../targets/targetList";
import { checkEachEntry, type EntryChecks, type Finding, type RuleFamily, type RuleInfo, type TargetSystemd } from "./rule";

export const unknownSection: RuleInfo = {
  id: "unknown-section",
  defaultSeverity: "error",
  description: "A section this kind of file does not have; systemd ignores it and all its entries.",
};

export const unknownDirective: RuleInfo = {
  id: "unknown-directive",
  defaultSeverity: "error",
  description: "A directive systemd does not know in this section (names are case-sensitive); systemd ignores it.",
};

export const misplacedDirective: RuleInfo = {
  id: "misplaced-directive",
  defaultSeverity: "error",
  description: "A directive that belongs in another section or another kind of unit; systemd ignores it here.",
};

export const deprecatedDirective: RuleInfo = {
  id: "deprecated-directive",
  defaultSeverity: "warning",
  description: "A directive systemd still reads under an old name or in an old place; use its successor.",
};

export const removedDirective: RuleInfo = {
  id: "removed-directive",
  defaultSeverity: "warning",
  description: "A directive systemd still accepts but ignores because the feature is gone.",
};

export const newerDirective: RuleInfo = {
  id: "newer-directive",
  defaultSeverity: "warning",
  description: "A directive that a target systemd version (unitsmith.systemdVersion) does not know yet.",
};

const isCustom = (name: string) => name.startsWith("X-");
const keyList = (sections: readonly string[]) => sections.map((s) => `[${s}]`).join(", ");

function sectionFinding(section: Section, schema: FileSchema): Finding {
  const name = section.name;
  const elsewhere = fileKindsWithSection(name);
  const similar = closestMatch(name, schema.sections);
  let message = `Unknown section [${name}] in a ${schema.description}: systemd ignores it and everything in it.`;
  if (similar) message += ` Did you mean [${similar}]?`;
  else if (elsewhere.length > 0) message += ` [${name}] belongs in ${elsewhere.join(", ")} files.`;
  message += ` This file can have ${keyList(schema.sections)}, and X- sections for your own keys.`;
  return { rule: unknownSection, span: section.header.nameSpan, message };
}

function unknownFinding(entry: EntryNode, section: string, schema: FileSchema): Finding {
  const key = entry.key;
  const here = schema.sectionsOf(key);
  if (here.length > 0) {
    return {
      rule: misplacedDirective,
      span: entry.keySpan,
      message: `${key}= belongs in ${keyList(here)}, not [${section}]; systemd ignores it here.`,
      data: { sections: here },
    };
  }
  const anywhere = schema.description.endsWith("unit") ? unitSectionsAnywhere(key) : [];
  if (anywhere.length > 0) {
    const where = anywhere.map((a) => `[${a.section}] of ${a.fileKinds.join("/")} units`).join(" or ");
    return { rule: misplacedDirective, span: entry.keySpan, message: `${key}= belongs in ${where}; a ${schema.description} ignores it.` };
  }
  const candidates = closestMatches(
    key,
    schema.directives(section).map((d) => d.name),
  );
  const suggestion = candidates[0];
  const otherSection = suggestion
    ? undefined
    : closestMatch(
        key,
        schema.sections.flatMap((s) => schema.directives(s).map((d) => d.name)),
      );
  let message = `Unknown directive ${key}= in [${section}]: systemd ignores it.`;
  if (suggestion) message += ` Did you mean ${suggestion}=?`;
  else if (otherSection) message += ` Did you mean ${otherSection}= (in ${keyList(schema.sectionsOf(otherSection))})?`;
  else message += " Use an X- prefix for keys of your own.";
  // Another name as close makes the spelling fix a guess, which lint --fix does not apply.
  const data = suggestion
    ? { suggestion, ...(candidates.length > 1 && { ambiguous: true }) }
    : otherSection
      ? { suggestion: otherSection, sections: schema.sectionsOf(otherSection) }
      : undefined;
  return { rule: unknownDirective, span: entry.keySpan, message, ...(data && { data }) };
}

/** Where to write the directive instead: the overlay's replacement, or the same name in a current section. */
function insteadOf(info: DirectiveInfo, schema: FileSchema): string {
  const replacement = info.change?.replacement;
  if (replacement) return ` Use ${replacement.name}=${replacement.section ? ` in [${replacement.section}]` : ""} instead.`;
  const current = schema.sectionsOf(info.name).filter((section) => !schema.directive(section, info.name)?.status);
  return current.length > 0 ? ` Use it in ${keyList(current)} instead.` : "";
}

function statusFinding(entry: EntryNode, info: DirectiveInfo, schema: FileSchema, target: TargetSystemd): Finding | undefined {
  // Most directives have no status: what to use instead is worked out only for those that do.
  if (!info.status) return undefined;
  const instead = insteadOf(info, schema);
  const note = info.change?.note ? ` ${info.change.note}` : "";
  const removedIn = info.status === "removed" ? info.change?.since : undefined;
  // Removed in a release no target runs yet: it still works there, so it is only on its way out.
  if (removedIn !== undefined && (target.version !== undefined || target.targets) && !targetsPast(target, removedIn)) {
    return {
      rule: deprecatedDirective,
      span: entry.keySpan,
      message: `${info.name}= is deprecated: systemd ${removedIn} ignores it, though every target here is older.${note}${instead}`,
    };
  }
  switch (info.status) {
    case "deprecated":
      return { rule: deprecatedDirective, span: entry.keySpan, message: `${info.name}= is deprecated.${note}${instead}` };
    case "removed":
      return {
        rule: removedDirective,
        span: entry.keySpan,
        message: `${info.name}= no longer has any effect${removedIn !== undefined ? ` since systemd ${removedIn} (${targetsPast(target, removedIn)})` : ""}: systemd accepts it but ignores it.${note}${instead}`,
      };
    default:
      return undefined;
  }
}

function versionFinding(entry: EntryNode, info: DirectiveInfo, target: TargetSystemd): Finding | undefined {
  const installed = info.family === "unit" ? target.knownItems?.get(info.section) : undefined;
  if (installed && !installed.has(info.name)) {
    const added = info.since ? ` (added in systemd ${info.since})` : "";
    const version = target.version ? ` ${target.version}` : "";
    return {
      rule: newerDirective,
      span: entry.keySpan,
      message: `The installed systemd${version} does not know ${info.name}=${added}; it would ignore it as unknown.`,
    };
  }
  const lacking = info.since !== undefined ? targetsLacking(target, info.since) : undefined;
  if (lacking) {
    return {
      rule: newerDirective,
      span: entry.keySpan,
      message: `${info.name}= needs systemd ${info.since} or newer; ${lacking}, which ignores it as unknown.`,
    };
  }
  return undefined;
}

/** Whether the schema judges the entries of this section: not those of an X- or an unknown section. */
const judged = (section: Section, schema: FileSchema) => !isCustom(section.name) && schema.sections.includes(section.name);

function entryFindings(entry: EntryNode, section: Section, schema: FileSchema, target: TargetSystemd): Finding[] {
  if (isCustom(entry.key) || !judged(section, schema)) return [];
  const info = schema.directive(section.name, entry.key);
  if (!info) {
    // The installed systemd may know items newer than the bundled data.
    return target.knownItems?.get(section.name)?.has(entry.key) ? [] : [unknownFinding(entry, section.name, schema)];
  }
  const findings: Finding[] = [];
  const status = statusFinding(entry, info, schema, target);
  if (status) findings.push(status);
  const version = versionFinding(entry, info, target);
  if (version) findings.push(version);
  return findings;
}

const schemaChecks: EntryChecks = {
  section(section, { kind }) {
    const schema = fileSchemaFor(kind);
    return schema && !isCustom(section.name) && !judged(section, schema) ? [sectionFinding(section, schema)] : [];
  },
  entry(entry, section, { kind, target }) {
    const schema = fileSchemaFor(kind);
    return schema ? entryFindings(entry, section, schema, target) : [];
  },
};

export const schemaRules: RuleFamily = {
  rules: [unknownSection, unknownDirective, misplacedDirective, deprecatedDirective, removedDirective, newerDirective],
  check: (context) => checkEachEntry(schemaChecks, context),
  perEntry: schemaChecks,
};
