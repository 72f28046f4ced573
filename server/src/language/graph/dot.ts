import { fileUri } from "../fileUri";
import type { DependencyGraph, EdgeKind } from "./dependencyGraph";

const quoted = (text: string) => `"${text.replace(/["\\]/g, "\\$&")}"`;

const FONT = '"Helvetica,Arial,sans-serif"';

const EDGE_STYLE: Readonly<Record<EdgeKind, string>> = {
  requirement: 'color="#1f6feb"',
  ordering: 'style=dashed, color="#6e7781"',
  conflict: 'style=dotted, color="#cf222e", arrowhead=tee',
};

/**
 * The graph in Graphviz's DOT language: requirement edges solid, ordering edges dashed, conflicts
 * dotted; the unit the graph is of drawn bold; each node with a link to its file where it has one.
 */
export function dependencyGraphDot(graph: DependencyGraph): string {
  const nodes = graph.nodes.map((node) => {
    const attributes = [
      `label=${quoted(node.name)}`,
      ...(node.name === graph.root ? ['style="bold,filled"', 'fillcolor="#ddf4ff"'] : []),
      ...(node.path
        ? [`URL=${quoted(fileUri(node.path))}`, `tooltip=${quoted(node.path)}`]
        : ['fontcolor="#6e7781"', 'tooltip="no unit file found"']),
    ];
    return `  ${quoted(node.name)} [${attributes.join(", ")}];`;
  });
  const edges = graph.edges.map(
    (edge) => `  ${quoted(edge.from)} -> ${quoted(edge.to)} [${EDGE_STYLE[edge.kind]}, tooltip=${quoted(edge.directive)}];`,
  );
  return [
    `digraph ${quoted(graph.root)} {`,
    // Graphviz measures text with Helvetica's widths; viewers fall back to a sans-serif of their own.
    `  graph [rankdir=LR, fontname=${FONT}];`,
    `  node [shape=box, fontname=${FONT}, fontsize=11, margin="0.25,0.08"];`,
    `  edge [fontname=${FONT}, fontsize=9];`,
    ...nodes,
    ...edges,
    "}",
    "",
  ].join("\n");
}
