import { orderingWords } from "./graph/orderingEdges";
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
  /** The After= and Before= names of its [Unit] section, for the ordering of the units. */
  after: readonly string[];
  before: readonly string[];
}

/** Strings of their own, not slices that keep the whole file's text alive in the index; one copy of each name a file repeats. */
function owner(): (text: string) => string {
  const copies = new Map<string, string>();
  return (text) => {
    if (text.length <= 12) return text;
    let copy = copies.get(text);
    if (copy === undefined) copies.set(text, (copy = JSON.parse(JSON.stringify(text)) as string));
    return copy;
  };
}

/** The facts of one file, from one parse of its text. */
export function unitFileFacts(path: string, text: string): UnitFileFacts {
  const file = parseUnitFile(text);
  const own = owner();
  const description = descriptionIn(file);
  const names = new Set<string>();
  for (const reference of unitReferences(file, unitKind(path))) {
    names.add(reference.name);
    const parsed = parseUnitName(reference.name);
    if (parsed.ok && parsed.unit.kind === "instance") names.add(`${parsed.unit.prefix}@.${parsed.unit.type}`);
  }
  const { after, before } = orderingWords(file);
  return {
    ...(description && { description: own(description) }),
    names: [...names].map(own),
    after: after.map(own),
    before: before.map(own),
  };
}
