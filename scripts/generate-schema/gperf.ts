// Reads systemd's gperf key tables ("Section.Name, parser, ltype, offset" lines), including the
// Jinja-templated load-fragment-gperf.gperf.in: context macros are expanded for the section they
// are called with, and `{% if FEATURE %}` blocks keep their first branch (a build with every
// optional feature on), so compile-time-disabled stand-ins never reach the data.

export interface GperfEntry {
  section: string;
  name: string;
  parser: string;
  ltype: string;
  /** Marked by the table itself: a trailing deprecated comment, or after its compatibility marker. */
  deprecated: boolean;
}

const TAG = /^\{%-?\s*(macro|endmacro|if|elif|else|endif)\b\s*([A-Za-z_0-9]*)[^%]*-?%\}\s*$/;
const CALL = /^\{\{\s*([A-Za-z_0-9]+)\(\s*'([^']+)'\s*\)\s*\}\}\s*$/;
const ENTRY = /^([A-Za-z0-9-]+)\.([A-Za-z0-9_-]+),\s*([A-Za-z_0-9]+),\s*([^,]*),/;

/** Drops the branches a full-featured build leaves out. */
function keepFirstBranches(lines: string[]): string[] {
  const kept: string[] = [];
  const branch: boolean[] = [];
  for (const line of lines) {
    const tag = TAG.exec(line.trim())?.[1];
    if (tag === "if") branch.push(true);
    else if (tag === "elif" || tag === "else") branch[branch.length - 1] = false;
    else if (tag === "endif") branch.pop();
    else if (branch.every(Boolean)) kept.push(line);
  }
  return kept;
}

function readMacros(lines: string[]): Map<string, string[]> {
  const macros = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of lines) {
    const m = TAG.exec(line.trim());
    if (m?.[1] === "macro") {
      current = [];
      macros.set(m[2]!, current);
    } else if (m?.[1] === "endmacro") {
      current = undefined;
    } else if (current) {
      current.push(line);
    }
  }
  return macros;
}

export function parseGperf(text: string): GperfEntry[] {
  const lines = keepFirstBranches(text.split("\n").filter((l) => !/^\s*\{#.*#\}\s*$/.test(l)));
  const macros = readMacros(lines);
  const start = lines.findIndex((l) => l.trim() === "%%");
  if (start < 0) throw new Error("gperf file without a %% keyword section");

  const entries: GperfEntry[] = [];
  let compatibilityPart = false;
  const add = (line: string) => {
    const m = ENTRY.exec(line.replace(/\/\*.*?\*\//g, " ").trim());
    if (!m) return;
    const deprecated = compatibilityPart || /\/\*\s*deprecated\s*\*\//.test(line);
    entries.push({ section: m[1]!, name: m[2]!, parser: m[3]!, ltype: m[4]!.trim(), deprecated });
  };
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === "%%") break;
    if (/^\s*\/\*.*backwards compatibility/i.test(line)) compatibilityPart = true;
    const call = CALL.exec(line.trim());
    if (call) {
      const body = macros.get(call[1]!);
      if (!body) throw new Error(`gperf table calls unknown macro ${call[1]}`);
      for (const bodyLine of body) add(bodyLine.replaceAll("{{type}}", call[2]!));
    } else {
      add(line);
    }
  }
  return entries;
}

/** The `{ "Install", "WantedBy", config_parse_strv, ... }` items of src/shared/install.c. */
export function parseInstallTable(installC: string): Map<string, string> {
  const parsers = new Map<string, string>();
  for (const m of installC.matchAll(/\{\s*"Install",\s*"([A-Za-z]+)",\s*([a-z_0-9]+),/g)) {
    parsers.set(m[1]!, m[2]!);
  }
  return parsers;
}
