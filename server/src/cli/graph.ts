import { parseArgs } from "node:util";
import { instance } from "@viz-js/viz";
import { dependencyGraphDot } from "../language/languageService";
import { EXIT_OK, UsageError, type CliIo } from "./io";
import { notAUnit, openUnitDocument } from "./unitDocument";

export const GRAPH_USAGE = `Usage: unitsmith graph [--depth N] [--format dot|svg] FILE

Prints the units around the unit FILE belongs to, as systemd would load them: the units it
requires or wants (and those that want it, from [Install]), the units it is ordered after or
before, and the units it conflicts with, N steps out (default 1, at most 5). Requirement edges
are solid, ordering edges dashed, conflicts dotted; each unit links to its file.

  --depth N            how many steps out to follow (1 to 5)
  --format dot|svg     Graphviz's DOT language (default), or the graph laid out as SVG

Exit status: 0 printed, 2 usage or read errors, or FILE is not a unit file or drop-in.`;

export async function graphCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { depth: { type: "string", default: "1" }, format: { type: "string", default: "dot" }, help: { type: "boolean" } },
  });
  if (values.help) {
    io.stdout(`${GRAPH_USAGE}\n`);
    return EXIT_OK;
  }
  if (!/^[1-5]$/.test(values.depth)) throw new UsageError(`--depth takes a number from 1 to 5, not "${values.depth}"`);
  if (values.format !== "dot" && values.format !== "svg") throw new UsageError(`unknown format "${values.format}"; expected dot or svg`);
  if (positionals.length !== 1) throw new UsageError("name one unit file or drop-in");
  const opened = await openUnitDocument("graph", positionals[0]!, io);
  if (typeof opened === "number") return opened;
  const graph = await opened.service.dependencyGraph(opened.document, Number(values.depth));
  if (!graph) return notAUnit("graph", positionals[0]!, io);
  const dot = dependencyGraphDot(graph);
  io.stdout(values.format === "dot" ? dot : (await instance()).renderString(dot, { format: "svg" }));
  return EXIT_OK;
}
