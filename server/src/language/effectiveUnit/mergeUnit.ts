import { parseUnitFile } from "../parser";
import { fileSchemaFor } from "../schema/fileSchema";
import type { UnitKind } from "../unitKind";

/** One file systemd reads for a unit, in the order it reads them. */
export interface UnitSource {
  path: string;
  text: string;
}

/** An assignment that is in force once every file is read, and where it was written. */
export interface EffectiveEntry {
  section: string;
  key: string;
  value: string;
  path: string;
  /** 0-based. */
  line: number;
}

/** What a later file did to an assignment of an earlier one. */
export type Change = "overridden" | "reset" | "added";

/** An assignment that a later one changed, and that later one. */
export interface ChangedEntry {
  entry: EffectiveEntry;
  change: Change;
  by: EffectiveEntry;
}

export interface MergedUnit {
  entries: EffectiveEntry[];
  changes: ChangedEntry[];
}

/**
 * Reads the files one after another as systemd does: an assignment to a list adds to it and an
 * empty one clears it; any other assignment replaces the one before, and an empty one returns
 * the directive to its default. `kind` says which directives are lists.
 */
export function mergeUnit(kind: UnitKind, sources: readonly UnitSource[]): MergedUnit {
  const schema = fileSchemaFor(kind);
  let entries: EffectiveEntry[] = [];
  const changes: ChangedEntry[] = [];
  for (const { path, text } of sources) {
    const file = parseUnitFile(text);
    for (const section of file.sections) {
      for (const node of section.entries) {
        const entry: EffectiveEntry = {
          section: section.name,
          key: node.key,
          value: node.value,
          path,
          line: file.lines.positionAt(node.start).line,
        };
        const same = (other: EffectiveEntry) => other.section === entry.section && other.key === entry.key;
        const list = schema?.directive(section.name, node.key)?.list ?? false;
        const earlier = entries.filter(same);
        if (list && entry.value !== "") {
          for (const before of earlier) if (before.path !== path) changes.push({ entry: before, change: "added", by: entry });
          entries.push(entry);
          continue;
        }
        const change: Change = entry.value === "" ? "reset" : "overridden";
        for (const before of earlier) changes.push({ entry: before, change, by: entry });
        entries = entries.filter((other) => !same(other));
        if (entry.value !== "") entries.push(entry);
      }
    }
  }
  return { entries, changes };
}
