import type { EffectiveUnit } from "../effectiveUnit/effectiveUnit";
import type { KnownUnit } from "../unitCatalog";
import { splitWords } from "../values/words";

/** requirement: the unit pulls the other in (or is pulled in by it); ordering: it starts after the other; conflict: they exclude each other. */
export type EdgeKind = "requirement" | "ordering" | "conflict";

export interface GraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  /** The directive that makes the edge, e.g. "Wants" or "WantedBy". */
  directive: string;
}

export interface GraphNode {
  name: string;
  /** The unit file, where one is known. */
  path?: string;
  origin?: KnownUnit["origin"];
  /** How many steps from the unit the graph is of. */
  depth: number;
}

export interface DependencyGraph {
  root: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** The directives that make edges, and which way: "out" from the unit to the one named, "in" from the one named to the unit. */
const EDGES: Readonly<Record<string, { kind: EdgeKind; direction: "out" | "in" }>> = {
  Requires: { kind: "requirement", direction: "out" },
  Requisite: { kind: "requirement", direction: "out" },
  Wants: { kind: "requirement", direction: "out" },
  BindsTo: { kind: "requirement", direction: "out" },
  PartOf: { kind: "requirement", direction: "out" },
  Upholds: { kind: "requirement", direction: "out" },
  OnFailure: { kind: "requirement", direction: "out" },
  OnSuccess: { kind: "requirement", direction: "out" },
  WantedBy: { kind: "requirement", direction: "in" },
  RequiredBy: { kind: "requirement", direction: "in" },
  UpheldBy: { kind: "requirement", direction: "in" },
  After: { kind: "ordering", direction: "out" },
  Before: { kind: "ordering", direction: "in" },
  Conflicts: { kind: "conflict", direction: "out" },
};

/** The edges one unit's assignments make, in file order. */
export function edgesOf(unit: EffectiveUnit): GraphEdge[] {
  return unit.entries.flatMap((entry) => {
    const edge = EDGES[entry.key];
    if (!edge || (entry.section !== "Unit" && entry.section !== "Install")) return [];
    return splitWords(entry.value)
      .words.filter((word) => !word.text.includes("%"))
      .map((word) =>
        edge.direction === "out"
          ? { from: unit.unit, to: word.text, kind: edge.kind, directive: entry.key }
          : { from: word.text, to: unit.unit, kind: edge.kind, directive: entry.key },
      );
  });
}

/**
 * The neighbourhood of `root` up to `depth` steps: each unit's edges, following the units it names
 * through `load` (which answers undefined for a unit it cannot find). Edges between the same two
 * units are kept once per kind. At most `maxNodes` units are shown; the rest are left out.
 */
export async function dependencyGraph(
  root: EffectiveUnit,
  depth: number,
  load: (unit: string) => Promise<{ effective: EffectiveUnit; known?: KnownUnit } | undefined>,
  maxNodes = 150,
): Promise<DependencyGraph> {
  const nodes = new Map<string, GraphNode>([[root.unit, { name: root.unit, depth: 0, ...(root.fragment && { path: root.fragment }) }]]);
  const edges = new Map<string, GraphEdge>();
  let frontier: EffectiveUnit[] = [root];
  for (let step = 1; step <= depth && frontier.length > 0; step++) {
    const next: EffectiveUnit[] = [];
    for (const unit of frontier) {
      for (const edge of edgesOf(unit)) {
        const other = edge.from === unit.unit ? edge.to : edge.from;
        if (nodes.has(other)) {
          edges.set(`${edge.from}\n${edge.to}\n${edge.kind}`, edge);
          continue;
        }
        if (nodes.size >= maxNodes) continue;
        edges.set(`${edge.from}\n${edge.to}\n${edge.kind}`, edge);
        const loaded = await load(other);
        nodes.set(other, {
          name: other,
          depth: step,
          ...(loaded?.effective.fragment && { path: loaded.effective.fragment }),
          ...(loaded?.known && { origin: loaded.known.origin }),
        });
        if (loaded) next.push(loaded.effective);
      }
    }
    frontier = next;
  }
  return { root: root.unit, nodes: [...nodes.values()], edges: [...edges.values()] };
}
