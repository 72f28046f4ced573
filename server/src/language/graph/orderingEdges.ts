import { parseUnitFile, type UnitFile } from "../parser";
import type { OrderingWords, UnitCatalog } from "../unitCatalog";
import { splitWords } from "../values/words";

/** For each unit, the units it starts after, each with the unit whose file says so (its own After=, another's Before=). */
export type OrderingEdges = ReadonlyMap<string, readonly { after: string; source: string }[]>;

/** The After= and Before= names of one parsed unit file's [Unit] section. */
export function orderingWords(file: UnitFile): OrderingWords {
  const after: string[] = [];
  const before: string[] = [];
  for (const section of file.sections) {
    if (section.name !== "Unit") continue;
    for (const entry of section.entries) {
      if (entry.key !== "After" && entry.key !== "Before") continue;
      for (const word of splitWords(entry.value).words)
        if (!word.text.includes("%")) (entry.key === "After" ? after : before).push(word.text);
    }
  }
  return { after, before };
}

/** The same words as edges "starts after". */
const edgesOf = (unit: string, words: OrderingWords): [from: string, to: string][] => [
  ...words.after.map((name): [string, string] => [unit, name]),
  ...words.before.map((name): [string, string] => [name, unit]),
];

/** The After= and Before= names of one parsed unit file's [Unit] section, as edges "starts after". */
export const orderingOf = (unit: string, file: UnitFile): [from: string, to: string][] => edgesOf(unit, orderingWords(file));

/** Units whose ordering is gathered between two looks at the event loop. */
const UNITS_PER_STEP = 1000;

/**
 * The ordering of every unit of the catalog with a file (drop-ins left out): from what the catalog
 * read of each file already where it keeps that, else from reading the files, once.
 */
export async function orderingEdges(catalog: UnitCatalog, read: (path: string) => Promise<string | undefined>): Promise<OrderingEdges> {
  const edges = new Map<string, { after: string; source: string }[]>();
  let done = 0;
  for (const unit of catalog.list()) {
    if (!unit.path || unit.masked) continue;
    let words = catalog.ordering?.(unit.name);
    if (!words) {
      const text = await read(unit.path);
      if (text === undefined) continue;
      words = orderingWords(parseUnitFile(text));
    }
    for (const [from, to] of edgesOf(unit.name, words)) {
      const list = edges.get(from);
      if (list) list.push({ after: to, source: unit.name });
      else edges.set(from, [{ after: to, source: unit.name }]);
    }
    // A catalog of ten thousand units takes a while: requests are answered in between.
    if (++done % UNITS_PER_STEP === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return edges;
}

/**
 * A cycle of "starts after" through `unit` (the unit first, then each unit it waits for, back to
 * itself). `own` is what the edited file says, in place of what the installed copy of the unit
 * says; the edges other units make stay. Undefined when there is none.
 */
export function orderingCycle(unit: string, own: readonly [string, string][], edges: OrderingEdges, limit = 2000): string[] | undefined {
  const others = (name: string) => (edges.get(name) ?? []).filter((edge) => edge.source !== unit).map((edge) => edge.after);
  const fromOwn = (name: string) => own.filter(([from]) => from === name).map(([, to]) => to);
  // systemd drops a unit's ordering against itself: that is no loop.
  const next = (name: string) => [...fromOwn(name), ...others(name)].filter((after) => after !== name);
  const seen = new Set<string>([unit]);
  const path: string[] = [unit];
  let visited = 0;
  const walk = (name: string): boolean => {
    for (const after of next(name)) {
      if (after === unit) return true;
      if (seen.has(after) || ++visited > limit) continue;
      seen.add(after);
      path.push(after);
      if (walk(after)) return true;
      path.pop();
    }
    return false;
  };
  return walk(unit) ? [...path, unit] : undefined;
}
