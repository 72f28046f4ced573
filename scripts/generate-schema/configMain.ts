// Writes server/src/language/schema/generated/configFiles.json: the keys of systemd's own
// configuration files (journald.conf, logind.conf, ..., .nspawn, .dnssd, repart.d and sysupdate.d
// definitions) with their value kinds, man page anchors and version markers, from a systemd
// source tree unpacked from a release archive:
//   node --import tsx scripts/generate-schema/configMain.ts <systemd dir> --tag vNNN --archive FILE [--out FILE]
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import {
  CONFIG_TABLES,
  type ConfigDirective,
  type ConfigFormat,
  type ConfigTable,
  type GeneratedConfigSchema,
} from "../../server/src/language/schema/generated/configTypes";
import { kindOf, resolveRule, statusOf } from "./directives";
import { PARSER_KINDS, type KindRule } from "./parserKinds";
import { EnumTables } from "./enumTables";
import { cFiles } from "./sourceFiles";
import { formatJson } from "./formatJson";
import { parseGperf, type GperfEntry } from "./gperf";
import { parseConfigTableItems } from "./configTables";
import { DocIndex, indexManPage } from "./manPages";
import { parseXml, type XmlElement } from "./xml";

const REPO = resolve(__dirname, "../..");
const DEFAULT_OUT = join(REPO, "server/src/language/schema/generated/configFiles.json");

/**
 * Where each table lives (a gperf file, or C with ConfigTableItem arrays) and its man page. Where a
 * table moved between releases, the places are tried in order (coredump's table became gperf in
 * 258, oomd's moved to oomd-conf.c).
 */
const SOURCES: Record<ConfigTable, { gperf?: string; c?: string | string[]; page: string }> = {
  manager: { c: "src/core/main.c", page: "systemd-system.conf" },
  journald: { gperf: "src/journal/journald-gperf.gperf", page: "journald.conf" },
  logind: { gperf: "src/login/logind-gperf.gperf", page: "logind.conf" },
  resolved: { gperf: "src/resolve/resolved-gperf.gperf", page: "resolved.conf" },
  timesyncd: { gperf: "src/timesync/timesyncd-gperf.gperf", page: "timesyncd.conf" },
  networkd: { gperf: "src/network/networkd-gperf.gperf", page: "networkd.conf" },
  coredump: { gperf: "src/coredump/coredump-gperf.gperf", c: "src/coredump/coredump.c", page: "coredump.conf" },
  oomd: { c: ["src/oom/oomd-conf.c", "src/oom/oomd.c"], page: "oomd.conf" },
  sleep: { c: "src/shared/sleep-config.c", page: "systemd-sleep.conf" },
  homed: { gperf: "src/home/homed-gperf.gperf", page: "homed.conf" },
  pstore: { c: "src/pstore/pstore.c", page: "pstore.conf" },
  "journal-remote": { c: "src/journal-remote/journal-remote-main.c", page: "journal-remote.conf" },
  "journal-upload": { c: "src/journal-remote/journal-upload.c", page: "journal-upload.conf" },
  nspawn: { gperf: "src/nspawn/nspawn-gperf.gperf", page: "systemd.nspawn" },
  dnssd: { gperf: "src/resolve/resolved-dnssd-gperf.gperf", page: "systemd.dnssd" },
  repart: { c: "src/repart/repart.c", page: "repart.d" },
  "sysupdate-transfer": { c: "src/sysupdate/sysupdate-transfer.c", page: "sysupdate.d" },
  "sysupdate-feature": { c: "src/sysupdate/sysupdate-feature.c", page: "sysupdate.features" },
};

/**
 * Parsers a daemon defines for itself whose grammar is plain enough to judge, read from their
 * sources; the daemons' other own parsers are completed and documented, not judged.
 */
const OWN_PARSER_KINDS: Record<string, KindRule> = {
  // journald's Compress=: a boolean, or the size from which an entry is compressed
  config_parse_compress: { kind: "bytes", acceptsBoolean: true },
  // logind's NAutoVTs=: at most 15; RuntimeDirectorySize=: a size, or a share of the memory
  config_parse_n_autovts: { kind: "integer", min: 0, max: 15 },
  config_parse_tmpfs_size: { kind: "bytes", percent: true },
  // networkd's DUIDType=: a type by name or number; link-layer-time may carry a time after ":"
  config_parse_duid_type: { kind: "enum", table: "duid_type", numbers: 65535, prefixes: ["link-layer-time:"] },
};

/** Directories whose C files hold the parsers and string tables these tables use; earlier ones win. */
const C_DIRS = [
  "src/core",
  "src/journal",
  "src/login",
  "src/resolve",
  "src/timesync",
  "src/network",
  "src/libsystemd-network",
  "src/coredump",
  "src/oom",
  "src/home",
  "src/pstore",
  "src/journal-remote",
  "src/nspawn",
  "src/repart",
  "src/sysupdate",
  "src/shared",
  "src/basic",
  "src/libsystemd",
  "src/fundamental",
];

function parseArgs(argv: string[]): { systemd: string; tag: string; archive: string; out: string } {
  const flags: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith("--")) flags[arg.slice(2)] = argv[++i] ?? "";
    else positional.push(arg);
  }
  if (positional.length !== 1 || !flags.tag || !flags.archive) {
    throw new Error("usage: configMain.ts <systemd source dir> --tag vNNN --archive <release archive it was unpacked from> [--out FILE]");
  }
  return { systemd: resolve(positional[0]!), tag: flags.tag, archive: resolve(flags.archive), out: resolve(flags.out ?? DEFAULT_OUT) };
}

const STRING = { kind: "string" as const };

/** The file a table is read from in this tree: its gperf file if there is one, else the first C file there is. */
function placeOf(tree: string, source: (typeof SOURCES)[ConfigTable]): { gperf?: string; c?: string } {
  if (source.gperf && existsSync(join(tree, source.gperf))) return { gperf: source.gperf };
  const c = [source.c ?? []].flat().find((path) => existsSync(join(tree, path)));
  if (!c) throw new Error(`none of ${[source.gperf, source.c].flat().join(", ")} is in ${tree}`);
  return { c };
}

function compare(a: ConfigDirective, b: ConfigDirective): number {
  const key = (d: ConfigDirective) => `${d.family}\0${d.section}\0${d.name}`;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const read = (path: string) => readFileSync(join(args.systemd, path), "utf8");
  const files = cFiles(args.systemd, C_DIRS);
  const included = new Map<string, XmlElement | undefined>();
  const load = (href: string) => {
    if (!included.has(href)) {
      const path = join(args.systemd, "man", href);
      included.set(href, /^[\w.-]+\.xml$/.test(href) && existsSync(path) ? parseXml(readFileSync(path, "utf8")) : undefined);
    }
    return included.get(href);
  };

  const tables = {} as Record<ConfigTable, ConfigFormat>;
  const directives: ConfigDirective[] = [];
  const fallbacks = new Map<string, number>();
  for (const table of CONFIG_TABLES) {
    const { gperf, c } = placeOf(args.systemd, SOURCES[table]);
    const source = { ...SOURCES[table], gperf, c };
    const entries: GperfEntry[] = gperf ? parseGperf(read(gperf)) : parseConfigTableItems(read(c!));
    if (entries.length === 0) throw new Error(`${table}: no keys found in ${gperf ?? c}`);
    // Tools define static parsers under the same names as the unit parsers (nspawn's
    // config_parse_private_users): the table's own sources come first and their parsers are not
    // read by the unit parsers' rules.
    const ownSource = source.gperf ? dirname(source.gperf) + "/" : source.c!;
    const own = files.filter((f) => f.path.startsWith(ownSource));
    const enumTables = new EnumTables([...own, ...files.filter((f) => !own.includes(f))]);
    const writtenHere = (parser: string) => own.some((f) => new RegExp(`^(?:static\\s+)?int\\s+${parser}\\(`, "m").test(f.text));
    const docs = new DocIndex();
    docs.add(indexManPage(source.page, read(`man/${source.page}.xml`), load));
    tables[table] = { table, sections: [...new Set(entries.map((e) => e.section))], page: source.page };
    for (const entry of entries) {
      const status = statusOf(entry);
      const local = writtenHere(entry.parser);
      const ownRule = OWN_PARSER_KINDS[entry.parser];
      const { spec, list, fallback } =
        status === "removed"
          ? { spec: STRING, list: false, fallback: local }
          : ownRule
            ? resolveRule(ownRule, entry.parser, enumTables)
            : local
              ? { spec: STRING, list: false, fallback: true }
              : kindOf(entry, enumTables);
      // A hand-written parser may take more than the words it was seen comparing (numbers, "pick",
      // "UID:RANGE"): in these files only enums defined from a table are judged as enums.
      const handWritten = spec.kind === "enum" && !ownRule && !(entry.parser in PARSER_KINDS) && !enumTables.declaresEnum(entry.parser);
      if (fallback || handWritten) fallbacks.set(entry.parser, (fallbacks.get(entry.parser) ?? 0) + 1);
      const doc = docs.find([source.page], entry.section, entry.name);
      directives.push({
        family: table,
        section: entry.section,
        name: entry.name,
        parser: entry.parser,
        ...(handWritten ? STRING : spec),
        ...(list ? { list: true as const } : {}),
        ...(status ? { status } : {}),
        ...(doc ? { doc: { page: doc.page, anchor: doc.anchor } } : {}),
        ...(doc?.since !== undefined ? { since: doc.since } : {}),
      } as ConfigDirective);
    }
  }
  directives.sort(compare);
  const schema: GeneratedConfigSchema = {
    generator: "scripts/generate-schema",
    generatedFrom: {
      systemd: {
        tag: args.tag,
        archive: basename(args.archive),
        sha256: createHash("sha256").update(readFileSync(args.archive)).digest("hex"),
      },
    },
    tables,
    directives,
  };
  writeFileSync(args.out, formatJson(schema) + "\n");
  console.log(
    [
      `wrote ${relative(process.cwd(), args.out)}: ${directives.length} keys in ${CONFIG_TABLES.length} tables`,
      `  without documentation: ${
        directives
          .filter((d) => !d.doc)
          .map((d) => `${d.family}/${d.section}.${d.name}`)
          .join(", ") || "none"
      }`,
      `parser functions read as "string" (unknown, or a hand-written enum parser): ${fallbacks.size}`,
      ...[...fallbacks].sort(([a], [b]) => (a < b ? -1 : 1)).map(([parser, n]) => `  ${parser} (${n})`),
    ].join("\n"),
  );
}

main();
