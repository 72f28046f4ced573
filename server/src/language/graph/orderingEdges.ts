import { parseUnitFile, type UnitFile } from "../parser";
import type { UnitCatalog } from "../unitCatalog";
import { splitWords } from "../values/words";

/** For each unit, the units it starts after, each with the unit whose file says so (its own After=, another's Before=). */
export type OrderingEdges = ReadonlyMap<string, readonly { after: string; source: string }[]>;

/** The After= and Before= names of one parsed unit file's [Unit] section, as edges "starts after". */
export function orderingOf(unit: string, file: UnitFile): [from: string, to: string][] {
  const edges: [string, string][] = [];
  for (const section of file.sections) {
    if (section.name !== "Unit") continue;
    for (const entry of section.entries) {
      if (entry.key !== "After" && entry.key !== "Before") continue;
      for (const word of splitWords(entry.value).words) {
        if (word.text.includes("%")) continue;
        edges.push(entry.key === "After" ? [unit, word.text] : [word.text, unit]);
      }
    }
  }
  return edges;
}

/** The ordering of every unit of the catalog with a file (drop-ins left out), read once. */
export async function orderingEdges(catalog: UnitCatalog, read: (path: string) => Promise<string | undefined>): Promise<OrderingEdges> {
  const edges = new Map<string, { after: string; source: string }[]>();
  for (const unit of catalog.list()) {
    if (!unit.path || unit.masked) continue;
    const text = await read(unit.path);
    if (text === undefined) continue;
    for (const [from, to] of orderingOf(unit.name, parseUnitFile(text)))
      edges.set(from, [...(edges.get(from) ?? []), { after: to, source: unit.name }]);
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
