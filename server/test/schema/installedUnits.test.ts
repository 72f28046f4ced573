// The unit, drop-in and networkd files shipped on this machine use only sections and directives
// the data knows (X- extensions aside).
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { it } from "node:test";
import type { DirectiveFamily } from "../../src/language/schema/generated/types";
import { isKnown, schema, sectionsFor } from "./schemaData";

const ROOTS = ["/lib/systemd", "/usr/lib/systemd"];
const NETWORKD: Record<string, DirectiveFamily> = { ".network": "network", ".netdev": "netdev", ".link": "link" };

interface FileKind {
  family: DirectiveFamily;
  type: string;
}

/** What a path holds, judged by its name (drop-ins by their directory); undefined: not a unit file. */
function kindOf(path: string): FileKind | undefined {
  const byExtension = (ext: string): FileKind | undefined => {
    const type = ext.slice(1);
    if (schema.fileTypes.unit[type]) return { family: "unit", type };
    const family = NETWORKD[ext];
    return family ? { family, type } : undefined;
  };
  const parent = basename(dirname(path));
  if (extname(path) === ".conf" && parent.endsWith(".d")) return byExtension(extname(parent.slice(0, -2)));
  return byExtension(extname(path));
}

function listFiles(dir: string, out: Set<string>): Set<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      continue; // a dangling symlink
    }
    if (stats.isDirectory()) listFiles(path, out);
    else if (stats.isFile() && stats.size > 0) out.add(path);
  }
  return out;
}

/** [Section] headers and Key= names, skipping comments and continuation lines. */
function readEntries(text: string): { section: string; key?: string; line: number }[] {
  const entries: { section: string; key?: string; line: number }[] = [];
  let section = "";
  let continued = false;
  text.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    const wasContinued = continued;
    continued = line.endsWith("\\") && !line.startsWith("#") && !line.startsWith(";");
    if (wasContinued || line === "" || line.startsWith("#") || line.startsWith(";")) return;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      section = header[1]!;
      entries.push({ section, line: index + 1 });
      return;
    }
    const key = /^([^=\s]+)\s*=/.exec(line);
    if (key) entries.push({ section, key: key[1]!, line: index + 1 });
  });
  return entries;
}

function problemsIn(path: string, kind: FileKind): string[] {
  const sections = sectionsFor(kind.family, kind.type) ?? [];
  const problems: string[] = [];
  for (const { section, key, line } of readEntries(readFileSync(path, "utf8"))) {
    if (section.startsWith("X-") || key?.startsWith("X-")) continue;
    const where = `${path}:${line}`;
    if (key === undefined) {
      if (!sections.includes(section)) problems.push(`${where}: unknown section [${section}]`);
    } else if (sections.includes(section) && !isKnown(kind.family, section, key)) {
      problems.push(`${where}: unknown [${section}] ${key}=`);
    }
  }
  return problems;
}

it("knows every section and directive in the unit files installed under /lib/systemd and /usr/lib/systemd", () => {
  const files = new Set<string>();
  // /lib is often a symlink to /usr/lib; read each real directory once.
  const roots = new Set(ROOTS.filter((r) => existsSync(r)).map((r) => realpathSync(r)));
  for (const root of roots) listFiles(root, files);
  const unitFiles = [...files].map((path) => ({ path, kind: kindOf(path) })).filter((f) => f.kind !== undefined);
  assert.ok(unitFiles.length > 100, `only ${unitFiles.length} unit files found`);
  assert.ok(
    unitFiles.some((f) => f.path.includes(".d/")),
    "no drop-ins found",
  );
  const problems = unitFiles.flatMap((f) => problemsIn(f.path, f.kind!));
  assert.deepEqual(problems, []);
});
