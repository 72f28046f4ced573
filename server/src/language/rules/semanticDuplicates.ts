import type { EntryNode } from "../parser";
import { fileSchemaFor, type DirectiveInfo } from "../schema/fileSchema";
import type { Finding, RuleContext, RuleFamily, RuleInfo } from "./rule";
import { unitTypeOf } from "./semanticAssignments";

export const duplicateDirective: RuleInfo = {
  id: "duplicate-directive",
  defaultSeverity: "warning",
  description: "A single-value directive set more than once in a section: only one assignment takes effect.",
};

// Value kinds whose parsers replace the previous value; others (CPU sets, free strings) may add up.
const SINGLE_VALUE_KINDS = new Set([
  "boolean",
  "tristate",
  "timespan",
  "bytes",
  "percent",
  "permille",
  "integer",
  "enum",
  "mode",
  "signal",
  "user",
  "group",
  "path",
  "unit",
  "specifierString",
  "rlimit",
]);

function singleValue(info: DirectiveInfo | undefined): info is DirectiveInfo {
  if (!info || info.list || info.status || !SINGLE_VALUE_KINDS.has(info.value.kind)) return false;
  return !(info.value.kind === "enum" && info.value.multiple);
}

/** Unit= of a timer or path unit keeps the first unit named and ignores the rest. */
const firstWins = (info: DirectiveInfo) => info.name === "Unit" && (info.section === "Timer" || info.section === "Path");

const lineOf = (context: RuleContext, entry: EntryNode) => context.file.lines.positionAt(entry.start).line + 1;

export const duplicateRules: RuleFamily = {
  rules: [duplicateDirective],
  check(context: RuleContext): Finding[] {
    const { file, kind } = context;
    const schema = fileSchemaFor(kind);
    if (!schema || !unitTypeOf(kind)) return [];
    // Repeated sections of one name are merged, so entries are grouped by section name and key.
    const sections = new Map<string, Map<string, { info: DirectiveInfo; entries: EntryNode[] }>>();
    for (const section of file.sections) {
      let groups = sections.get(section.name);
      if (!groups) sections.set(section.name, (groups = new Map()));
      for (const entry of section.entries) {
        if (entry.value === "") continue;
        const info = schema.directive(section.name, entry.key);
        if (!singleValue(info)) continue;
        const group = groups.get(entry.key);
        if (group) group.entries.push(entry);
        else groups.set(entry.key, { info, entries: [entry] });
      }
    }
    const findings: Finding[] = [];
    for (const { info, entries } of [...sections.values()].flatMap((groups) => [...groups.values()])) {
      if (entries.length < 2) continue;
      if (firstWins(info)) {
        const first = lineOf(context, entries[0]!);
        for (const ignored of entries.slice(1)) {
          findings.push({
            rule: duplicateDirective,
            span: ignored.keySpan,
            message: `Unit= is already set on line ${first}: systemd starts the first unit named and ignores this one.`,
          });
        }
        continue;
      }
      const last = lineOf(context, entries.at(-1)!);
      for (const overridden of entries.slice(0, -1)) {
        findings.push({
          rule: duplicateDirective,
          span: overridden.keySpan,
          message: `${info.name}= is set again on line ${last}, and the last assignment wins: this one has no effect. Remove one of them.`,
        });
      }
    }
    return findings;
  },
};
