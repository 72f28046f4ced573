import type { UnitLanguageHost } from "../host";
import { unitKind, type Scope, type UnitKind } from "../unitKind";
import { parseUnitName } from "../values/unitName";
import { dropInDirectories } from "./dropInDirectories";
import { fileUri } from "../fileUri";
import { mergeUnit, type Change, type EffectiveEntry, type MergedUnit, type UnitSource } from "./mergeUnit";

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

/** Where a unit's files are: the unit file systemd picks and its drop-ins in the order it applies them. */
interface UnitFiles {
  unit: string;
  scope: Scope;
  fragment: { path?: string; masked: boolean };
  dropIns: string[];
}

/**
 * The unit that `path` (a unit file or one of its drop-ins) belongs to, with the file installed:
 * the directory the file is in counts as the first unit directory, then the host's unit
 * directories of the scope in their order.
 */
async function filesOfPath(path: string, host: UnitLanguageHost): Promise<UnitFiles | undefined> {
  const kind = unitKind(path);
  const unit = unitOf(kind);
  if (!unit) return undefined;
  const own = kind.dropIn ? parentOf(parentOf(path)) : parentOf(path);
  // The unit file being edited is the one systemd would pick, saved or not.
  return locateUnit(unit, kind.scope ?? "system", [own], host, kind.dropIn ? undefined : path);
}

/**
 * The files of `unit` of the `scope` manager, searching `first` (such as an edited file's
 * directory) before the host's unit directories; `fragment`, when given, is the unit file.
 */
async function locateUnit(
  unit: string,
  scope: Scope,
  first: readonly string[],
  host: UnitLanguageHost,
  fragmentPath?: string,
): Promise<UnitFiles> {
  const installed = await host.unitSearchPaths(scope);
  const searchPaths = [...first, ...installed.filter((directory) => !first.includes(directory))];
  const fragment = fragmentPath !== undefined ? { path: fragmentPath, masked: false } : await findFragment(unit, searchPaths, host);
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
  return { unit, scope, fragment, dropIns };
}

/** Reads the unit's files in order and merges them. */
async function merged(files: UnitFiles, read: (path: string) => Promise<string | undefined>): Promise<EffectiveUnit> {
  const sources: UnitSource[] = [];
  for (const path of [...(files.fragment.path ? [files.fragment.path] : []), ...files.dropIns]) {
    const text = await read(path);
    if (text !== undefined) sources.push({ path, text });
  }
  return {
    unit: files.unit,
    scope: files.scope,
    ...(files.fragment.path && { fragment: files.fragment.path }),
    masked: files.fragment.masked,
    dropIns: files.dropIns,
    ...mergeUnit(unitKind(files.unit), sources),
  };
}

/** The unit that `path` (a unit file or one of its drop-ins) belongs to, as systemd would load it with the file installed. */
export async function effectiveUnit(
  path: string,
  host: UnitLanguageHost,
  read: (path: string) => Promise<string | undefined>,
): Promise<EffectiveUnit | undefined> {
  const files = await filesOfPath(path, host);
  return files && merged(files, read);
}

/** A unit of the `scope` manager as systemd loads it from `first` (such as the directory of a unit that names it), then the host's unit directories. */
export async function loadUnit(
  unit: string,
  scope: Scope,
  host: UnitLanguageHost,
  read: (path: string) => Promise<string | undefined>,
  first: readonly string[] = [],
): Promise<EffectiveUnit> {
  return merged(await locateUnit(unit, scope, first, host), read);
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

/**
 * What the other files of the unit do to the assignment on `line` of the file at `path`, and what
 * it does to theirs, as Markdown lines; empty when the unit has no drop-ins (nothing read then).
 */
export async function assignmentHistory(
  path: string,
  line: number,
  host: UnitLanguageHost,
  read: (path: string) => Promise<string | undefined>,
): Promise<string[]> {
  const files = await filesOfPath(path, host);
  // Without a drop-in beside the file nothing changes it: nothing is read.
  if (!files || files.dropIns.filter((dropIn) => dropIn !== path).length === 0) return [];
  const effective = await merged(files, read);
  const place = (entry: EffectiveEntry) => `[${baseName(entry.path)}:${entry.line + 1}](${fileUri(entry.path)}#L${entry.line + 1})`;
  const mine = (entry: EffectiveEntry) => entry.path === path && entry.line === line;
  const later: Record<Change, string> = { overridden: "Overridden by", reset: "Reset to its default by", added: "Added to by" };
  const earlier: Record<Change, string> = { overridden: "Overrides", reset: "Resets", added: "Adds to" };
  return effective.changes.flatMap(({ entry, change, by }) => [
    ...(mine(entry) ? [`${later[change]} ${place(by)}`] : []),
    ...(mine(by) ? [`${earlier[change]} ${place(entry)}`] : []),
  ]);
}
