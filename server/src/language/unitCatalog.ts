import { parseUnitFile, type UnitFile } from "./parser";
import { parseUnitName } from "./values/unitName";

/** Where a known unit comes from: a workspace folder, a unit search path on this machine, or systemd's own list. */
export type UnitOrigin = "workspace" | "installed" | "special";

export interface KnownUnit {
  name: string;
  origin: UnitOrigin;
  /** The unit file; absent for a special unit that no file on this machine defines. */
  path?: string;
  /** The file is a symlink to /dev/null: the unit is masked. */
  masked?: boolean;
}

/** The names a unit file's [Unit] section orders its unit after and before (specifiers left out: they name nothing yet). */
export interface OrderingWords {
  after: readonly string[];
  before: readonly string[];
}

/** The units a file can refer to, as the features need them; the server builds it from the disk. */
export interface UnitCatalog {
  /**
   * Every unit by name, each once: the workspace's file wins over an installed one, which wins over
   * the special list. Each name is a unit name systemd accepts.
   */
  list(): readonly KnownUnit[];
  get(name: string): KnownUnit | undefined;
  /** The unit's Description=; read on first use and cached. Undefined when the unit or its description is unknown. */
  description(name: string): string | undefined;
  /** The unit's active state where a running systemd can say; absent otherwise. */
  state?(name: string): string | undefined;
  /**
   * The After= and Before= names of the unit's own file, where the catalog read them with the rest
   * (undefined for a unit whose file it could not read); absent: the service reads the files.
   */
  ordering?(name: string): OrderingWords | undefined;
}

/** A catalog over a fixed list, with descriptions given up front (tests, and the special units alone). */
export function staticCatalog(units: readonly (KnownUnit & { description?: string })[]): UnitCatalog {
  const byName = new Map<string, KnownUnit & { description?: string }>();
  for (const unit of units) if (!byName.has(unit.name)) byName.set(unit.name, unit);
  const list = [...byName.values()].filter((unit) => parseUnitName(unit.name).ok);
  return { list: () => list, get: (name) => byName.get(name), description: (name) => byName.get(name)?.description };
}

/**
 * The unit a name refers to: the unit itself, or for an instance such as getty@tty1.service the
 * template getty@.service that systemd instantiates.
 */
export function resolveUnit(catalog: UnitCatalog, name: string): KnownUnit | undefined {
  const found = catalog.get(name);
  if (found) return found;
  const parsed = parseUnitName(name);
  if (!parsed.ok || parsed.unit.kind !== "instance") return undefined;
  return catalog.get(`${parsed.unit.prefix}@.${parsed.unit.type}`);
}

/** The last Description= of a unit file's [Unit] section, as systemd reads it. */
export const descriptionOf = (text: string): string | undefined => descriptionIn(parseUnitFile(text));

/** The same of a parsed file. */
export function descriptionIn(file: UnitFile): string | undefined {
  let description: string | undefined;
  for (const section of file.sections) {
    if (section.name !== "Unit") continue;
    for (const entry of section.entries) if (entry.key === "Description") description = entry.value || undefined;
  }
  return description;
}
