import type { FileKind, UnitKind } from "../unitKind";
import { configDescription, configTableOf } from "./configFormats";
import { CONFIG_TABLES, type ConfigDirective, type ConfigTable } from "./generated/configTypes";
import type { Directive, DirectiveChange, DirectiveFamily, DocLink, ValueSpec } from "./generated/types";
import { configSchemaData, schemaData, schemaOverlay, summaries, type Summary } from "./schemaData";

/** Whose table describes a directive: a unit or networkd family, Quadlet, or one of systemd's configuration tables. */
export type SchemaFamily = DirectiveFamily | "quadlet" | ConfigTable;

/** Everything known about one directive in one section. */
export interface DirectiveInfo {
  name: string;
  section: string;
  family: SchemaFamily;
  value: ValueSpec;
  list: boolean;
  /** systemd expands %-specifiers in the value before reading it. */
  expandsSpecifiers?: boolean;
  status?: "deprecated" | "removed" | "unsupported";
  change?: DirectiveChange;
  doc?: DocLink;
  since?: number;
  summary?: Summary;
}

/** The sections and directives one kind of file may hold. */
export interface FileSchema {
  /** `unit`, `network`, ... and for Quadlet files `quadlet`; names the file family in messages. */
  description: string;
  sections: readonly string[];
  directive(section: string, name: string): DirectiveInfo | undefined;
  directives(section: string): readonly DirectiveInfo[];
  /** The sections of this file kind where `name` is a directive. */
  sectionsOf(name: string): string[];
  sectionSummary(section: string): Summary | undefined;
}

export function isConfigFamily(family: SchemaFamily): family is ConfigTable {
  return (CONFIG_TABLES as readonly string[]).includes(family);
}

type SectionTable = Map<string, Map<string, DirectiveInfo>>;

function summaryOf(family: SchemaFamily, section: string, name: string): Summary | undefined {
  return summaries[`${family}/${section}.${name}`] ?? summaries[`${family}/${name}`];
}

function changeKey(family: string, section: string, name: string): string {
  return `${family}/${section}/${name}`;
}

const tables = new Map<SchemaFamily, SectionTable>();
let changes: Map<string, DirectiveChange> | undefined;

/**
 * The lookup table of one family, built on its first use: start-up does no work, and a unit file's
 * first request does not build the tables of networkd, Quadlet and every configuration file too.
 */
function familyTable(family: SchemaFamily): SectionTable {
  let table = tables.get(family);
  if (table) return table;
  table = new Map();
  tables.set(family, table);
  const add = (info: DirectiveInfo) =>
    (table.get(info.section) ?? table.set(info.section, new Map()).get(info.section)!).set(info.name, info);
  if (!changes) {
    changes = new Map();
    for (const change of schemaOverlay.changes) {
      for (const section of change.sections) changes.set(changeKey(change.family, section, change.name), change);
    }
  }
  const directives = isConfigFamily(family) ? configSchemaData.directives : schemaData.directives;
  for (const directive of directives) if (directive.family === family) add(infoOf(directive, changes));
  for (const change of schemaOverlay.changes) {
    if (change.family !== family) continue;
    for (const section of change.sections) {
      if (table.get(section)?.has(change.name)) continue;
      // Old names that the current tables no longer list at all.
      add({ name: change.name, section, family, value: { kind: "string" }, list: false, status: change.change, change });
    }
  }
  if (family === "quadlet") {
    for (const fileType of schemaData.quadlet.fileTypes) for (const key of fileType.keys) add(quadletInfo(fileType.section, key));
    for (const key of schemaData.quadlet.quadletSectionKeys) add(quadletInfo("Quadlet", key));
  }
  return table;
}

function infoOf(directive: Directive | ConfigDirective, changes: Map<string, DirectiveChange>): DirectiveInfo {
  // The rest of the record (kind and its options, less the parser name) is the value spec.
  const { family, section, name, parser, list, specifiers, status, doc, since, ...value } = directive as Directive & {
    family: SchemaFamily;
  };
  const change = changes.get(changeKey(family, section, name));
  return {
    name,
    section,
    family,
    value: value as ValueSpec,
    list: list === true,
    ...(specifiers && { expandsSpecifiers: true }),
    ...((status ?? change?.change) && { status: status ?? change!.change }),
    ...(change && { change }),
    ...(doc && { doc }),
    ...(since !== undefined && { since }),
    ...(summaryOf(family, section, name) && { summary: summaryOf(family, section, name)! }),
  };
}

function quadletInfo(section: string, name: string): DirectiveInfo {
  const summary = summaryOf("quadlet", section, name);
  return { name, section, family: "quadlet", value: { kind: "string" }, list: false, ...(summary && { summary }) };
}

/** The sections a file kind holds, each with the family whose table describes it. */
function sectionSources(file: FileKind): [section: string, family: SchemaFamily][] {
  switch (file.family) {
    case "unit":
      return (schemaData.fileTypes.unit[file.type] ?? []).map((s) => [s, "unit"]);
    case "networkd":
      return schemaData.fileTypes[file.type].map((s) => [s, file.type]);
    case "quadlet": {
      const type = schemaData.quadlet.fileTypes.find((t) => t.extension === file.type);
      if (!type) return [];
      return [
        [type.section, "quadlet"],
        ...type.otherSections.map((s): [string, SchemaFamily] => [s, s === "Quadlet" ? "quadlet" : "unit"]),
      ];
    }
    case "config": {
      const table = configTableOf(file.type);
      return configSchemaData.tables[table].sections.map((s) => [s, table]);
    }
  }
}

function descriptionOf(file: FileKind): string {
  switch (file.family) {
    case "unit":
      return `.${file.type} unit`;
    case "networkd":
      return `.${file.type} file`;
    case "quadlet":
      return `Quadlet .${file.type} file`;
    case "config":
      return configDescription(file.type);
  }
}

const cache = new Map<string, FileSchema>();

/** The schema for a file, or undefined when the path does not say what the file is. */
export function fileSchemaFor(kind: UnitKind): FileSchema | undefined {
  const file = kind.file;
  if (!file) return undefined;
  const key = `${file.family}/${file.type}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const sources = new Map(sectionSources(file));
  // Looked up for every entry by several rules: one map from section to its directives.
  const sections = new Map([...sources].map(([section, family]) => [section, familyTable(family).get(section)]));
  const table = (section: string) => sections.get(section);
  const schema: FileSchema = {
    description: descriptionOf(file),
    sections: [...sources.keys()],
    directive: (section, name) => table(section)?.get(name),
    directives: (section) => [...(table(section)?.values() ?? [])],
    sectionsOf: (name) => [...sources.keys()].filter((section) => table(section)?.has(name)),
    sectionSummary: (section) => {
      const family = sources.get(section);
      return family ? summaries[`section:${family}/${section}`] : undefined;
    },
  };
  cache.set(key, schema);
  return schema;
}

/** Every section name any kind of file may hold, for telling "wrong file kind" from "unknown". */
export function fileKindsWithSection(section: string): string[] {
  const kinds: string[] = [];
  for (const [type, sections] of Object.entries(schemaData.fileTypes.unit)) if (sections.includes(section)) kinds.push(`.${type}`);
  for (const type of ["network", "netdev", "link"] as const) if (schemaData.fileTypes[type].includes(section)) kinds.push(`.${type}`);
  for (const type of schemaData.quadlet.fileTypes) if (type.section === section) kinds.push(`.${type.extension}`);
  return kinds;
}

/** Where a directive name lives in any unit type, e.g. OnCalendar → [[".timer", "Timer"]]. */
export function unitSectionsAnywhere(name: string): { fileKinds: string[]; section: string }[] {
  const found: { fileKinds: string[]; section: string }[] = [];
  for (const [section, directives] of familyTable("unit")) {
    if (!directives.has(name)) continue;
    const fileKinds = Object.entries(schemaData.fileTypes.unit)
      .filter(([, sections]) => sections.includes(section))
      .map(([type]) => `.${type}`);
    found.push({ fileKinds, section });
  }
  return found;
}

export const schemaSources = schemaData.generatedFrom;
