// Reads the directive tables of one systemd source tree: the gperf key tables with the enum
// tables and parsers behind them. Shared by main.ts (the current release) and valueHistory.ts
// (each older release in turn).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Directive, DirectiveFamily } from "../../server/src/language/schema/generated/types";
import { buildDirectives } from "./directives";
import { EnumTables } from "./enumTables";
import { parseGperf, parseInstallTable, type GperfEntry } from "./gperf";
import { DocIndex } from "./manPages";
import { cFiles } from "./sourceFiles";
import { readExpandingParsers } from "./specifiers";

export const GPERF: Record<DirectiveFamily, string> = {
  unit: "src/core/load-fragment-gperf.gperf.in",
  network: "src/network/networkd-network-gperf.gperf",
  netdev: "src/network/netdev/netdev-gperf.gperf",
  link: "src/udev/net/link-config-gperf.gperf",
};

/** Directories whose C files hold parsers and string tables; earlier ones win on a name clash. */
export const C_DIRS = ["src/core", "src/network", "src/udev", "src/shared", "src/basic", "src/libsystemd", "src/fundamental"];

function unitEntries(systemd: string): GperfEntry[] {
  const entries = parseGperf(readFileSync(join(systemd, GPERF.unit), "utf8"));
  const install = parseInstallTable(readFileSync(join(systemd, "src/shared/install.c"), "utf8"));
  return entries.map((e) => {
    if (e.section !== "Install") return e;
    const parser = install.get(e.name);
    if (!parser) throw new Error(`[Install] ${e.name}= is not in src/shared/install.c`);
    return { ...e, parser };
  });
}

export interface TreeDirectives {
  directives: Directive[];
  /** Parser functions that fell back to "string", with how many directives use each. */
  fallbacks: Map<string, number>;
  entriesByFamily: Record<DirectiveFamily, GperfEntry[]>;
  tables: EnumTables;
}

/** Every directive of the tree, documented from `docs` (an empty index gives none). */
export function readTreeDirectives(systemd: string, docs: DocIndex = new DocIndex()): TreeDirectives {
  const read = (path: string) => readFileSync(join(systemd, path), "utf8");
  const tables = new EnumTables(cFiles(systemd, C_DIRS));
  const entriesByFamily: Record<DirectiveFamily, GperfEntry[]> = {
    unit: unitEntries(systemd),
    network: parseGperf(read(GPERF.network)),
    netdev: parseGperf(read(GPERF.netdev)),
    link: parseGperf(read(GPERF.link)),
  };
  const expanding = readExpandingParsers(read("src/core/load-fragment.c"));
  const directives: Directive[] = [];
  const fallbacks = new Map<string, number>();
  for (const [family, entries] of Object.entries(entriesByFamily) as [DirectiveFamily, GperfEntry[]][]) {
    const built = buildDirectives(family, entries, tables, docs, expanding);
    directives.push(...built.directives);
    for (const [parser, count] of built.fallbacks) fallbacks.set(parser, (fallbacks.get(parser) ?? 0) + count);
  }
  return { directives, fallbacks, entriesByFamily, tables };
}
