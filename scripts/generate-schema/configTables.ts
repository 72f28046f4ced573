// Reads the key tables of systemd's daemons and definition files that live in C rather than in
// gperf: the `ConfigTableItem items[] = { { "Section", "Key", parser, ltype, ... }, ... }` arrays.
// `#if FEATURE` blocks keep their first branch, as the gperf reader does: a full-featured build.
import type { GperfEntry } from "./gperf";

const ITEM = /\{\s*"([A-Za-z0-9-]+)"\s*,\s*"([A-Za-z0-9_-]+)"\s*,\s*(config_parse_\w+)\s*,\s*([^,]*),/;

function keepFirstBranches(lines: string[]): string[] {
  const kept: string[] = [];
  const branch: boolean[] = [];
  for (const line of lines) {
    const directive = /^\s*#\s*(if|ifdef|ifndef|elif|else|endif)\b/.exec(line)?.[1];
    if (directive === "if" || directive === "ifdef" || directive === "ifndef") branch.push(true);
    else if (directive === "elif" || directive === "else") branch[branch.length - 1] = false;
    else if (directive === "endif") branch.pop();
    else if (branch.every(Boolean)) kept.push(line);
  }
  return kept;
}

/** Every item of every ConfigTableItem array in a C file, in order. */
export function parseConfigTableItems(c: string): GperfEntry[] {
  const entries: GperfEntry[] = [];
  let inTable = false;
  for (const line of keepFirstBranches(c.split("\n"))) {
    if (/ConfigTableItem\s+\w+\s*\[\s*\]\s*=\s*\{/.test(line)) inTable = true;
    else if (inTable && /^\s*\};/.test(line)) inTable = false;
    else if (inTable) {
      const m = ITEM.exec(line.replace(/\/\*.*?\*\//g, " "));
      if (m) {
        const deprecated = /\/\*\s*(legacy|obsolete|deprecated)/.test(line);
        entries.push({ section: m[1]!, name: m[2]!, parser: m[3]!, ltype: m[4]!.trim(), deprecated });
      }
    }
  }
  return entries;
}
