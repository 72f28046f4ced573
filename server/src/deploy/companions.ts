/**
 * The files that go with a unit when it is deployed: its drop-ins, the timer or socket of the same
 * name beside it, and the tmpfiles.d and sysusers.d files of the repository that make its
 * directories or its user.
 */
import type { Dirent } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { parseUnitFile } from "../language/parser";
import { unitKind, type Scope } from "../language/unitKind";
import { lineFormatLanguageOf } from "../protocol/lineFormatLanguages";

/** The repository walk stops after this many entries; node_modules and dot directories are skipped. */
const MAX_ENTRIES = 20_000;

/** Where the directory settings put their directories, for the system manager. */
const DIRECTORY_ROOTS: Record<string, string> = {
  StateDirectory: "/var/lib",
  CacheDirectory: "/var/cache",
  LogsDirectory: "/var/log",
  RuntimeDirectory: "/run",
  ConfigurationDirectory: "/etc",
};

const PATH_SETTINGS = new Set([
  "WorkingDirectory",
  "ReadWritePaths",
  "ReadOnlyPaths",
  "PIDFile",
  "EnvironmentFile",
  "ListenStream",
  "ListenFIFO",
]);

/** What a unit names that a tmpfiles.d or sysusers.d file could make: absolute paths, users and groups. */
export interface UnitNeeds {
  paths: string[];
  accounts: string[];
}

/** The paths, users and groups a unit's text names. */
export function unitNeeds(texts: readonly string[]): UnitNeeds {
  const needs: UnitNeeds = { paths: [], accounts: [] };
  for (const text of texts) {
    for (const section of parseUnitFile(text).sections) {
      for (const { key, value } of section.entries) {
        const words = value.split(/\s+/).filter((word) => word !== "");
        if (key === "User" || key === "Group" || key === "SupplementaryGroups") needs.accounts.push(...words);
        const root = DIRECTORY_ROOTS[key];
        if (root) needs.paths.push(...words.map((word) => `${root}/${word.split(":")[0]}`));
        if (PATH_SETTINGS.has(key)) {
          // "-" (may be missing) and "+" (relative to the root directory) come before the path.
          needs.paths.push(...words.map((word) => word.replace(/^[-+]+/, "")).filter((word) => word.startsWith("/")));
        }
      }
    }
  }
  return needs;
}

/** Whether one path is the other or lies under it. */
const related = (a: string, b: string) => {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const base = short.replace(/\/+$/, "");
  return long === base || long.startsWith(`${base}/`);
};

/** The fields of the lines that are not comments. */
const lineFields = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => line.split(/\s+/));

/** A tmpfiles.d file makes one of the unit's paths (or a directory above or below one), or gives one to its user. */
export function tmpfilesServes(text: string, needs: UnitNeeds): boolean {
  return lineFields(text).some(
    ([, path, , user, group]) =>
      (path !== undefined && needs.paths.some((need) => related(path, need))) ||
      [user, group].some((account) => account !== undefined && needs.accounts.includes(account)),
  );
}

/** A sysusers.d file makes the unit's user or group. */
export function sysusersServes(text: string, needs: UnitNeeds): boolean {
  return lineFields(text).some(
    ([type, name, id]) =>
      (type === "u" || type === "g" || type === "m") &&
      [name, type === "m" ? id : undefined].some((account) => account !== undefined && needs.accounts.includes(account)),
  );
}

async function readText(path: string): Promise<string | undefined> {
  return readFile(path, "utf8").catch(() => undefined);
}

async function listNames(directory: string): Promise<string[]> {
  return readdir(directory).catch(() => []);
}

/** The tmpfiles.d and sysusers.d files under `root`. */
async function lineFormatFiles(root: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .slice(0, MAX_ENTRIES)
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !/\/(node_modules|\.[^/]+)\//.test(path.slice(root.length)))
    .filter((path) => {
      const format = lineFormatLanguageOf(path);
      return format === "systemd-tmpfiles" || format === "systemd-sysusers";
    })
    .sort();
}

/**
 * The unit file at `unitPath` and what goes with it: its drop-ins (`NAME.d/*.conf` beside it), for
 * a service the .timer and .socket of the same name beside it with theirs, and the tmpfiles.d and
 * sysusers.d files under `root` that serve any of them (sysusers.d only for the system manager:
 * the user manager's account makes no users). Absolute paths, the unit first.
 */
export async function deployCompanions(unitPath: string, root: string, scope: Scope): Promise<string[]> {
  const directory = dirname(unitPath);
  const name = basename(unitPath);
  const present = new Set(await listNames(directory));
  const units = [name];
  if (name.endsWith(".service")) {
    units.push(...[".timer", ".socket"].map((suffix) => name.replace(/\.service$/, suffix)).filter((unit) => present.has(unit)));
  }
  const files: string[] = [];
  for (const unit of units) {
    files.push(join(directory, unit));
    const dropIns = (await listNames(join(directory, `${unit}.d`))).filter((file) => file.endsWith(".conf")).sort();
    files.push(...dropIns.map((file) => join(directory, `${unit}.d`, file)));
  }
  const needs = unitNeeds((await Promise.all(files.map(readText))).filter((text) => text !== undefined));
  for (const path of await lineFormatFiles(root)) {
    const tmpfiles = lineFormatLanguageOf(path) === "systemd-tmpfiles";
    const text = tmpfiles || scope === "system" ? await readText(path) : undefined;
    if (text === undefined) continue;
    const serves = tmpfiles ? tmpfilesServes(text, needs) : sysusersServes(text, needs);
    if (serves) files.push(path);
  }
  return files;
}

/** The files to deploy: those named, and with `companions` what goes with each unit file among them (each file once). */
export async function deployFiles(paths: readonly string[], companions: boolean, root: string | undefined, scope: Scope = "system") {
  if (!companions) return [...paths];
  const files: string[] = [];
  for (const path of paths) {
    const kind = unitKind(path);
    const unitFile = kind.file?.family === "unit" && !kind.dropIn;
    const found = unitFile ? await deployCompanions(path, root ?? dirname(path), scope) : [path];
    for (const file of found) if (!files.includes(file)) files.push(file);
  }
  return files;
}
