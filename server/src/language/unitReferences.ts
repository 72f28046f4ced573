import { documentOffsetOf } from "./entryOffsets";
import { nodeAt, sectionAt, type EntryNode, type UnitFile } from "./parser";
import { fileSchemaFor, type DirectiveInfo } from "./schema/fileSchema";
import type { UnitKind } from "./unitKind";
import { splitWords } from "./values/words";

/** A unit name written in a value, e.g. `network-online.target` in `After=`. */
export interface UnitReference {
  name: string;
  /** Document offsets of the name. */
  start: number;
  end: number;
  section: string;
  directive: string;
  /** The unit types the directive accepts; absent: any. */
  unitTypes?: readonly string[];
}

/** [Install] settings that systemd reads as plain strings but that name the units to hook into. */
const INSTALL_TARGETS = new Set(["WantedBy", "RequiredBy", "UpheldBy"]);

/** Whether a directive's value names units, and of which types; undefined when it does not. */
export function unitValueOf(info: DirectiveInfo | undefined): { list: boolean; unitTypes?: readonly string[] } | undefined {
  if (!info || info.family !== "unit") return undefined;
  const spec = info.value;
  if (spec.kind === "unit" || spec.kind === "unitList")
    return { list: spec.kind === "unitList", ...(spec.unitTypes && { unitTypes: spec.unitTypes }) };
  if (info.section === "Install" && INSTALL_TARGETS.has(info.name)) return { list: true };
  return undefined;
}

function entryReferences(entry: EntryNode, section: string, info: DirectiveInfo): UnitReference[] {
  const value = unitValueOf(info);
  if (!value) return [];
  const words = value.list ? splitWords(entry.value).words : entry.value ? [{ text: entry.value, start: 0, end: entry.value.length }] : [];
  return words.map((word) => ({
    name: word.text,
    start: documentOffsetOf(entry, word.start),
    end: documentOffsetOf(entry, word.end - 1) + 1,
    section,
    directive: entry.key,
    ...(value.unitTypes && { unitTypes: value.unitTypes }),
  }));
}

/** Every unit name the file's unit-typed directives mention, in document order; with `only`, those of these directives. */
export function unitReferences(file: UnitFile, kind: UnitKind, only?: ReadonlySet<string>): UnitReference[] {
  const schema = fileSchemaFor(kind);
  if (!schema) return [];
  const references: UnitReference[] = [];
  for (const section of file.sections) {
    for (const entry of section.entries) {
      if (only && !only.has(entry.key)) continue;
      const info = schema.directive(section.name, entry.key);
      if (info) references.push(...entryReferences(entry, section.name, info));
    }
  }
  return references;
}

/** The unit names one entry mentions. */
export function entryUnitReferences(entry: EntryNode, section: string, kind: UnitKind): UnitReference[] {
  const info = fileSchemaFor(kind)?.directive(section, entry.key);
  return info ? entryReferences(entry, section, info) : [];
}

/** The unit name under (or just after) the cursor. */
export function unitReferenceAt(file: UnitFile, kind: UnitKind, offset: number): UnitReference | undefined {
  const schema = fileSchemaFor(kind);
  if (!schema) return undefined;
  // Only the entries at the cursor and just before it (a name that ends the line) can hold it.
  const entries = new Set([nodeAt(file, Math.max(0, offset - 1)), nodeAt(file, offset)]);
  for (const node of entries) {
    if (node?.kind !== "entry") continue;
    const section = sectionAt(file, node.start);
    const info = section && schema.directive(section.name, node.key);
    const found = info ? entryReferences(node, section.name, info).find((r) => offset >= r.start && offset <= r.end) : undefined;
    if (found) return found;
  }
  return undefined;
}
