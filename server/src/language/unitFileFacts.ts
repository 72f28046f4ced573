import { parseUnitFile } from "./parser";
import { descriptionIn } from "./unitCatalog";
import { unitKind } from "./unitKind";
import { unitReferences } from "./unitReferences";
import { parseUnitName } from "./values/unitName";

/** What an index keeps of a unit file or drop-in instead of its text: a few names. */
export interface UnitFileFacts {
  /** The last Description= of its [Unit] section. */
  description?: string;
  /** The units its unit-typed directives name, each once; an instance's template too. */
  names: readonly string[];
}

/** A string of its own, not a slice that keeps the whole file's text alive in the index. */
const own = (text: string) => (text.length > 12 ? JSON.parse(JSON.stringify(text)) : text) as string;

/** The facts of one file, from one parse of its text. */
export function unitFileFacts(path: string, text: string): UnitFileFacts {
  const file = parseUnitFile(text);
  const description = descriptionIn(file);
  const names = new Set<string>();
  for (const reference of unitReferences(file, unitKind(path))) {
    names.add(reference.name);
    const parsed = parseUnitName(reference.name);
    if (parsed.ok && parsed.unit.kind === "instance") names.add(`${parsed.unit.prefix}@.${parsed.unit.type}`);
  }
  return { ...(description && { description: own(description) }), names: [...names].map(own) };
}
