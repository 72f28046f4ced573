// Turns gperf entries into directive records: value kind (hand rules, then enum tables, then a
// "string" fallback that is reported), accumulation, status and documentation.
import type { Directive, DirectiveFamily, DirectiveStatus, ValueSpec } from "../../server/src/language/schema/generated/types";
import type { EnumTables } from "./enumTables";
import type { GperfEntry } from "./gperf";
import type { DocIndex } from "./manPages";
import { directiveRule, PARSER_KINDS, ruleBySuffix, type KindRule } from "./parserKinds";

/** Man pages to search, in order, for a section's directives. */
export function docPages(family: DirectiveFamily, section: string): string[] {
  if (family !== "unit") return [`systemd.${family}`];
  if (section === "Unit" || section === "Install") return ["systemd.unit"];
  return [`systemd.${section.toLowerCase()}`, "systemd.exec", "systemd.kill", "systemd.resource-control"];
}

export function statusOf(entry: GperfEntry): DirectiveStatus | undefined {
  if (entry.parser === "config_parse_warn_compat") {
    return entry.ltype === "DISABLED_LEGACY" ? "removed" : "unsupported";
  }
  if (entry.parser === "config_parse_unsupported") return "unsupported";
  if (entry.deprecated || /obsolete|deprecated/.test(entry.parser)) return "deprecated";
  return undefined;
}

export interface KindResult {
  spec: ValueSpec;
  list: boolean;
  /** True when nothing knew the parser and "string" was assumed. */
  fallback: boolean;
}

export function resolveRule(rule: KindRule, parser: string, tables: EnumTables): KindResult {
  const { list, ...rest } = rule as KindRule & { list?: true };
  if ("fromParser" in rest) {
    const found = tables.valuesFor(parser);
    if (!found) throw new Error(`${parser}: marked as an enum parser, but no string table was found`);
    const { list: multiple, ...values } = found;
    const numbers = rest.numbers !== undefined ? { numbers: rest.numbers } : {};
    return { spec: { kind: "enum", ...values, ...(multiple ? { multiple } : {}), ...numbers }, list: !!list, fallback: false };
  }
  if ("table" in rest) {
    const { table, ...flags } = rest;
    const found = tables.table(table);
    if (!found) throw new Error(`${parser}: string table ${table}_table not found`);
    return { spec: { ...found, ...flags }, list: !!list, fallback: false };
  }
  return { spec: rest, list: !!list, fallback: false };
}

export function kindOf(entry: GperfEntry, tables: EnumTables): KindResult {
  const rule = directiveRule(entry.parser, entry.name, entry.ltype) ?? PARSER_KINDS[entry.parser] ?? ruleBySuffix(entry.parser);
  if (rule) return resolveRule(rule, entry.parser, tables);
  const found = tables.valuesFor(entry.parser);
  if (found) {
    const { list: multiple, ...values } = found;
    return { spec: { kind: "enum", ...values, ...(multiple ? { multiple } : {}) }, list: false, fallback: false };
  }
  return { spec: { kind: "string" }, list: false, fallback: true };
}

export interface DirectiveBuild {
  directives: Directive[];
  /** Parser functions that fell back to "string", with how many directives use each. */
  fallbacks: Map<string, number>;
}

/** `expanding`: the parsers that expand specifiers (unit files only; networkd's do not). */
export function buildDirectives(
  family: DirectiveFamily,
  entries: GperfEntry[],
  tables: EnumTables,
  docs: DocIndex,
  expanding: ReadonlySet<string>,
): DirectiveBuild {
  const fallbacks = new Map<string, number>();
  const directives = entries.map((entry): Directive => {
    const status = statusOf(entry);
    const { spec, list, fallback } =
      status === "removed" ? { spec: { kind: "string" as const }, list: false, fallback: false } : kindOf(entry, tables);
    if (fallback) fallbacks.set(entry.parser, (fallbacks.get(entry.parser) ?? 0) + 1);
    const doc = docs.find(docPages(family, entry.section), entry.section, entry.name);
    return {
      family,
      section: entry.section,
      name: entry.name,
      parser: entry.parser,
      ...spec,
      ...(list ? { list: true as const } : {}),
      ...(family === "unit" && expanding.has(entry.parser) ? { specifiers: true as const } : {}),
      ...(status ? { status } : {}),
      ...(doc ? { doc: { page: doc.page, anchor: doc.anchor } } : {}),
      ...(doc?.since !== undefined ? { since: doc.since } : {}),
    };
  });
  return { directives, fallbacks };
}
