import type { UnitLanguageHost } from "../host";
import { unitKind, type Scope, type UnitKind } from "../unitKind";
import { parseUnitName } from "../values/unitName";
import { dropInDirectories } from "./dropInDirectories";
import { mergeUnit, type MergedUnit, type UnitSource } from "./mergeUnit";

/** A unit as systemd loads it: the file it picks, the drop-ins it applies, and what is in force after them. */
export interface EffectiveUnit extends MergedUnit {
  unit: string;
  scope: Scope;
  /** The unit file; undefined when no directory holds one (or it is masked). */
  fragment?: string;
  /** The unit file is a link to /dev/null. */
  masked: boolean;
  /** The drop-ins, in the order systemd applies them. */
  dropIns: string[];
}

const parentOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf("/")));
const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);

/** The unit a file stands for: itself, or for a drop-in the unit it extends (type-wide drop-ins have none). */
export function unitOf(kind: UnitKind): string | undefined {
  if (kind.file?.family !== "unit" || kind.systemctlEditTemp) return undefined;
  if (!kind.dropIn) return kind.name;
  return kind.dropIn.target === "unit" || kind.dropIn.target === "template" ? kind.dropIn.parent : undefined;
}

/**
 * The unit that `path` (a unit file or one of its drop-ins) belongs to, as systemd would load it
 * with the file installed: the directory the file is in counts as the first unit directory, then
 * the host's unit directories of the scope in their order. `read` gives an open document's text.
 */
export async function effectiveUnit(
  path: string,
  host: UnitLanguageHost,
  read: (path: string) => Promise<string | undefined>,
): Promise<EffectiveUnit | undefined> {
  const kind = unitKind(path);
  const unit = unitOf(kind);
  if (!unit) return undefined;
  const scope = kind.scope ?? "system";
  const own = kind.dropIn ? parentOf(parentOf(path)) : parentOf(path);
  return loadUnit(unit, scope, [own], host, read);
}

/**
 * The unit `unit` of the `scope` manager as systemd loads it from `first` (directories searched
 * before the scope's own, such as the one a file is edited in) and the host's unit directories.
 */
export async function loadUnit(
  unit: string,
  scope: Scope,
  first: readonly string[],
  host: UnitLanguageHost,
  read: (path: string) => Promise<string | undefined>,
): Promise<EffectiveUnit> {
  const installed = await host.unitSearchPaths(scope);
  const searchPaths = [...first, ...installed.filter((directory) => !first.includes(directory))];

  const fragment = await findFragment(unit, searchPaths, host);
  const seen = new Set<string>();
  const dropIns: string[] = [];
  for (const directory of dropInDirectories(unit, searchPaths)) {
    for (const entry of (await host.listDirectory(directory)) ?? []) {
      // The first directory with a file of this name wins; a drop-in linked to /dev/null hides the others.
      if (!entry.name.endsWith(".conf") || seen.has(entry.name)) continue;
      seen.add(entry.name);
      if (entry.type === "file") dropIns.push(`${directory}/${entry.name}`);
    }
  }
  dropIns.sort((a, b) => (baseName(a) < baseName(b) ? -1 : baseName(a) > baseName(b) ? 1 : 0));

  const files = [...(fragment.path ? [fragment.path] : []), ...dropIns];
  const sources: UnitSource[] = [];
  for (const file of files) {
    const text = await read(file);
    if (text !== undefined) sources.push({ path: file, text });
  }
  return {
    unit,
    scope,
    ...(fragment.path && { fragment: fragment.path }),
    masked: fragment.masked,
    dropIns,
    ...mergeUnit(unitKind(unit), sources),
  };
}

/** The first directory's file of the unit's name, or for an instance, of its template's. */
async function findFragment(
  unit: string,
  searchPaths: readonly string[],
  host: UnitLanguageHost,
): Promise<{ path?: string; masked: boolean }> {
  const parsed = parseUnitName(unit);
  const names = [unit, ...(parsed.ok && parsed.unit.kind === "instance" ? [`${parsed.unit.prefix}@.${parsed.unit.type}`] : [])];
  for (const name of names) {
    for (const directory of searchPaths) {
      const found = (await host.listDirectory(directory))?.find((entry) => entry.name === name);
      if (!found || found.type === "directory") continue;
      // A link to /dev/null is neither a file nor a directory: the unit is masked.
      return found.type === "file" ? { path: `${directory}/${name}`, masked: false } : { masked: true };
    }
  }
  return { masked: false };
}

/** The effective unit as a unit file, each assignment under a comment naming the file and line it came from. */
export function renderEffectiveUnit(effective: EffectiveUnit): string {
  const header = [
    `# ${effective.unit} as systemd loads it (${effective.scope} manager)`,
    effective.masked ? "# masked: the unit file is a link to /dev/null" : `# unit file: ${effective.fragment ?? "none found"}`,
    ...effective.dropIns.map((dropIn) => `# drop-in: ${dropIn}`),
  ];
  const sections = [...new Set(effective.entries.map((entry) => entry.section))];
  const body = sections.flatMap((section) => [
    "",
    `[${section}]`,
    ...effective.entries
      .filter((entry) => entry.section === section)
      .flatMap((entry) => [`# ${entry.path}:${entry.line + 1}`, `${entry.key}=${entry.value}`]),
  ]);
  return `${[...header, ...body].join("\n")}\n`;
}
