// Writes server/src/language/schema/generated/directives.json from a systemd and a Podman
// source tree, and valueNames.json beside it from the systemd tree and the C headers:
//   node --import tsx scripts/generate-schema/main.ts <systemd dir> [<podman dir>]
//     [--systemd-tag vNNN --systemd-commit SHA] [--podman-tag vX.Y.Z --podman-commit SHA]
//     [--out FILE] [--include DIR (default /usr/include)]
// Tag and commit are read with git when a directory is a work tree; otherwise pass the flags.
// Without a Podman directory the Quadlet data already in the output file is kept.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type {
  Directive,
  DirectiveFamily,
  GeneratedSchema,
  QuadletData,
  SourceRef,
  ValueNames,
} from "../../server/src/language/schema/generated/types";
import { formatJson } from "./formatJson";
import { DocIndex, indexManPage } from "./manPages";
import { readQuadlet, readQuadletSectionKeys } from "./quadlet";
import { sourceRef } from "./sourceRef";
import { parseXml, type XmlElement } from "./xml";
import { readSpecifiers } from "./specifiers";
import { readTreeDirectives } from "./sourceTree";
import { headerRef, readValueNames } from "./valueNames";

const REPO = resolve(__dirname, "../..");
const DEFAULT_OUT = join(REPO, "server/src/language/schema/generated/directives.json");

const MAN_PAGES = [
  "systemd.unit",
  "systemd.service",
  "systemd.socket",
  "systemd.mount",
  "systemd.automount",
  "systemd.swap",
  "systemd.timer",
  "systemd.path",
  "systemd.slice",
  "systemd.scope",
  "systemd.exec",
  "systemd.kill",
  "systemd.resource-control",
  "systemd.network",
  "systemd.netdev",
  "systemd.link",
];

interface Args {
  systemd: string;
  podman?: string;
  out: string;
  flags: Record<string, string>;
}

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith("--")) {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      flags[arg.slice(2)] = value;
    } else positional.push(arg);
  }
  const known = ["systemd-tag", "systemd-commit", "podman-tag", "podman-commit", "out", "include"];
  const unknown = Object.keys(flags).filter((f) => !known.includes(f));
  if (unknown.length > 0) throw new Error(`unknown option --${unknown[0]}`);
  if (positional.length < 1 || positional.length > 2) {
    throw new Error(
      "usage: main.ts <systemd source dir> [<podman source dir>] [--systemd-tag T --systemd-commit C] [--podman-tag T --podman-commit C] [--out FILE]",
    );
  }
  return {
    systemd: resolve(positional[0]!),
    ...(positional[1] ? { podman: resolve(positional[1]) } : {}),
    out: resolve(flags.out ?? DEFAULT_OUT),
    flags,
  };
}

function compareDirectives(a: Directive, b: Directive): number {
  const key = (d: Directive) => [d.family, d.section, d.name];
  const [x, y] = [key(a), key(b)];
  for (let i = 0; i < x.length; i++) {
    if (x[i]! !== y[i]!) return x[i]! < y[i]! ? -1 : 1;
  }
  return 0;
}

function readPodman(podman: string, flags: Record<string, string>): { ref: SourceRef; data: QuadletData } {
  const quadletGo = readFileSync(join(podman, "pkg/systemd/quadlet/quadlet.go"), "utf8");
  const commonGo = readFileSync(join(podman, "pkg/systemd/quadlet/quadlet_common.go"), "utf8");
  return {
    ref: sourceRef(podman, { tag: flags["podman-tag"], commit: flags["podman-commit"] }, "podman"),
    data: { fileTypes: readQuadlet(quadletGo, commonGo), quadletSectionKeys: readQuadletSectionKeys(quadletGo) },
  };
}

/** Without a Podman tree, the Quadlet part of the existing output is kept as it is. */
function previousQuadlet(out: string): { ref: SourceRef; data: QuadletData } {
  if (!existsSync(out)) throw new Error(`no Podman source given and no earlier ${out} to keep its Quadlet data from`);
  const previous = JSON.parse(readFileSync(out, "utf8")) as GeneratedSchema;
  return { ref: previous.generatedFrom.podman, data: previous.quadlet };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const { systemd, podman } = args;
  const read = (root: string, path: string) => readFileSync(join(root, path), "utf8");

  const docs = new DocIndex();
  const included = new Map<string, XmlElement | undefined>();
  const load = (href: string) => {
    if (!included.has(href)) {
      const path = join(systemd, "man", href);
      included.set(href, /^[\w.-]+\.xml$/.test(href) && existsSync(path) ? parseXml(readFileSync(path, "utf8")) : undefined);
    }
    return included.get(href);
  };
  for (const page of MAN_PAGES) docs.add(indexManPage(page, read(systemd, `man/${page}.xml`), load));

  const { directives, fallbacks, entriesByFamily, tables } = readTreeDirectives(systemd, docs);
  directives.sort(compareDirectives);

  const quadlet = podman ? readPodman(podman, args.flags) : previousQuadlet(args.out);
  const sectionsOf = (family: DirectiveFamily) => [...new Set(entriesByFamily[family].map((e) => e.section))];
  const unitSections = new Set(sectionsOf("unit"));
  const unitTypes = tables.table("unit_type")?.values;
  if (!unitTypes) throw new Error("unit_type_table not found in src/basic");
  const unitFileTypes = Object.fromEntries(
    unitTypes.map((type) => {
      const own = type[0]!.toUpperCase() + type.slice(1);
      return [type, ["Unit", ...(unitSections.has(own) ? [own] : []), "Install"]];
    }),
  );

  const schema: GeneratedSchema = {
    generator: "scripts/generate-schema",
    generatedFrom: {
      systemd: sourceRef(systemd, { tag: args.flags["systemd-tag"], commit: args.flags["systemd-commit"] }, "systemd"),
      podman: quadlet.ref,
    },
    fileTypes: {
      unit: unitFileTypes,
      network: sectionsOf("network"),
      netdev: sectionsOf("netdev"),
      link: sectionsOf("link"),
    },
    directives,
    specifiers: readSpecifiers({
      unitPrintfC: read(systemd, "src/core/unit-printf.c"),
      installPrintfC: read(systemd, "src/shared/install-printf.c"),
      specifierH: read(systemd, "src/shared/specifier.h"),
      unitManXml: read(systemd, "man/systemd.unit.xml"),
      standardSpecifiersXml: read(systemd, "man/standard-specifiers.xml"),
    }),
    quadlet: quadlet.data,
  };

  writeFileSync(args.out, formatJson(schema) + "\n");
  report(schema, fallbacks, args.out);
  const netlinkFamilies = tables.table("netlink_family")?.values;
  if (!netlinkFamilies) throw new Error("netlink_family_table not found in src/basic");
  writeValueNames(systemd, schema.generatedFrom.systemd, args, netlinkFamilies);
}

/** The multiarch directory of the C library headers: /usr/include/x86_64-linux-gnu and the like. */
function multiarchInclude(include: string): string {
  const dir = readdirSync(include).find((name) => /-linux-gnu/.test(name) && existsSync(join(include, name, "bits/socket.h")));
  if (!dir) throw new Error(`no <multiarch>/bits/socket.h under ${include}`);
  return join(include, dir);
}

function writeValueNames(systemd: string, ref: SourceRef, args: Args, netlinkFamilies: string[]): void {
  const include = resolve(args.flags.include ?? "/usr/include");
  const arch = multiarchInclude(include);
  const read = (path: string) => readFileSync(path, "utf8");
  const names: ValueNames = {
    generator: "scripts/generate-schema",
    generatedFrom: { systemd: ref, headers: headerRef(read(join(include, "features.h")), read(join(include, "linux/version.h"))) },
    ...readValueNames({
      capabilityH: read(join(systemd, "src/include/uapi/linux/capability.h")),
      exitStatusC: read(join(systemd, "src/shared/exit-status.c")),
      bitsSocketH: read(join(arch, "bits/socket.h")),
      errnoHeaders: [join(include, "asm-generic/errno-base.h"), join(include, "asm-generic/errno.h"), join(arch, "bits/errno.h")].map(read),
    }),
    netlinkFamilies,
  };
  const out = join(dirname(args.out), "valueNames.json");
  writeFileSync(out, formatJson(names) + "\n");
  console.log(
    `wrote ${relative(process.cwd(), out)}: ${names.capabilities.length} capabilities, ${names.addressFamilies.length} address families, ${Object.keys(names.errnoNumbers).length} errno names, ${names.exitStatusNames.length} exit statuses (headers: glibc ${names.generatedFrom.headers.glibc}, Linux ${names.generatedFrom.headers.linux})`,
  );
}

function report(schema: GeneratedSchema, fallbacks: Map<string, number>, out: string): void {
  const { directives } = schema;
  const count = (family: DirectiveFamily) => directives.filter((d) => d.family === family).length;
  const quadletKeys = schema.quadlet.fileTypes.reduce((n, t) => n + t.keys.length, 0);
  const lines = [
    `wrote ${relative(process.cwd(), out)}`,
    `systemd ${schema.generatedFrom.systemd.tag} (${schema.generatedFrom.systemd.commit}), podman ${schema.generatedFrom.podman.tag} (${schema.generatedFrom.podman.commit})`,
    `directives: ${directives.length} entries, ${new Set(directives.map((d) => d.name)).size} unique names`,
    `  unit ${count("unit")}, network ${count("network")}, netdev ${count("netdev")}, link ${count("link")}`,
    `  sections: ${new Set(directives.map((d) => `${d.family}/${d.section}`)).size}`,
    `  without documentation: ${directives.filter((d) => !d.doc).length}`,
    `specifiers: ${schema.specifiers.length}`,
    `quadlet: ${schema.quadlet.fileTypes.length} file types, ${quadletKeys} keys`,
    `parser functions that fell back to "string": ${fallbacks.size} (${[...fallbacks.values()].reduce((a, b) => a + b, 0)} directives)`,
    ...[...fallbacks].sort(([a], [b]) => (a < b ? -1 : 1)).map(([parser, n]) => `  ${parser} (${n})`),
  ];
  console.log(lines.join("\n"));
}

main();
