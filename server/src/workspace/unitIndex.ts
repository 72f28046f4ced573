import { opendir, readlink, realpath } from "node:fs/promises";
import { posix } from "node:path";
import { specialUnitsFor } from "../language/specialUnits";
import type { KnownUnit, UnitCatalog } from "../language/unitCatalog";
import { unitFileFacts, type UnitFileFacts } from "../language/unitFileFacts";
import { unitKind, type Scope } from "../language/unitKind";
import { parseUnitName } from "../language/values/unitName";
import { readFileHead } from "./readFileHead";
import { unitSearchPaths } from "./searchPaths";

export interface UnitIndexLimits {
  /** Entries read from one directory; the rest are ignored. */
  entriesPerDirectory: number;
  /** Entries visited in all workspace folders together. */
  workspaceEntries: number;
  /** How deep the workspace folders are searched. */
  workspaceDepth: number;
  /** Bytes of a unit file or drop-in read for what the index keeps of it (its Description= and the units it names). */
  fileBytes: number;
}

export interface UnitIndexOptions {
  workspaceFolders?: readonly string[];
  searchPaths?: (scope: Scope) => string[];
  /** How long a scan is reused before the directories are listed again. */
  ttlMs?: number;
  limits?: Partial<UnitIndexLimits>;
  /** The active state of a unit where a running systemd can tell; absent where none is reachable. */
  stateOf?: (scope: Scope, name: string) => string | undefined;
  now?: () => number;
  /** How a unit file's head is read: through the thread pool by default. */
  readFile?: (path: string, maxBytes: number) => Promise<string | undefined>;
  /** Reads the facts of files (another thread may); by default they are read here, a few files at a time. */
  readFacts?: FactsReader;
}

/** Reads what the index keeps of each file, handing each to `found` as it is read; resolves when all are. */
export type FactsReader = (
  paths: readonly string[],
  maxBytes: number,
  found: (path: string, facts: UnitFileFacts | undefined) => void,
) => Promise<void>;

const DEFAULT_LIMITS: UnitIndexLimits = {
  entriesPerDirectory: 5000,
  workspaceEntries: 20000,
  workspaceDepth: 8,
  fileBytes: 256 * 1024,
};
const SKIPPED_DIRECTORIES = new Set(["node_modules", ".git", ".hg", ".svn"]);

interface Scan {
  units: Map<string, KnownUnit>;
  /** Drop-in files, for the reference search. */
  dropIns: string[];
}

interface Listing {
  name: string;
  file: boolean;
  directory: boolean;
  symlink: boolean;
}

/** Up to `limit` entries of a directory; none when it is missing or unreadable. */
async function listDirectory(path: string, limit: number): Promise<Listing[]> {
  const entries: Listing[] = [];
  try {
    const dir = await opendir(path);
    for await (const entry of dir) {
      entries.push({ name: entry.name, file: entry.isFile(), directory: entry.isDirectory(), symlink: entry.isSymbolicLink() });
      if (entries.length >= limit) break;
    }
  } catch {
    // Missing, unreadable, or not a directory: nothing to list.
  }
  return entries;
}

const isUnitName = (name: string) => parseUnitName(name).ok;

const PARALLEL_READS = 16;

/** The facts of the files, read in this thread (by `readFile`, through the thread pool by default), a few files at a time. */
export async function readFactsHere(
  paths: readonly string[],
  maxBytes: number,
  found: Parameters<FactsReader>[2],
  readFile = readFileHead,
): Promise<void> {
  const queue = [...paths];
  const reader = async () => {
    for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
      const text = await readFile(path, maxBytes);
      found(path, text === undefined ? undefined : unitFileFacts(path, text));
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_READS }, reader));
}

/**
 * The units installed on this machine and those in the workspace folders, listed from the
 * directories (file contents are read only for a Description=, on first use). A scan is reused for
 * `ttlMs` or until `invalidate()`.
 */
export class UnitIndex {
  private folders: readonly string[];
  private readonly limits: UnitIndexLimits;
  private readonly scans = new Map<string, { scan: Promise<Scan>; at: number }>();
  /** What was read of each unit file and drop-in: its description and the units it names. */
  private readonly facts = new Map<string, UnitFileFacts | undefined>();
  /** Files being read, each with the reading that will bring its facts. */
  private readonly reading = new Map<string, Promise<void>>();
  /**
   * The catalog last built for each scope, reused while its two scans are the current ones. The
   * promise is kept, so that requests arriving while it is built (a thousand documents opened at
   * once) share one catalog, and with it one reading of the units' ordering.
   */
  private readonly catalogs = new Map<Scope, { workspace: Scan; installed: Scan; catalog: Promise<UnitCatalog> }>();
  private readonly now: () => number;

  constructor(private readonly options: UnitIndexOptions = {}) {
    this.folders = options.workspaceFolders ?? [];
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.now = options.now ?? Date.now;
  }

  setWorkspaceFolders(folders: readonly string[]): void {
    this.folders = folders;
    this.invalidate();
  }

  /** Forgets every scan and every file read, e.g. when the workspace folders change. */
  invalidate(): void {
    this.facts.clear();
    this.reading.clear();
    this.forgetScans();
  }

  /** Forgets what was read of these files (changed, created or deleted) and lists the directories again. */
  filesChanged(paths: readonly string[]): void {
    for (const path of paths) {
      this.facts.delete(path);
      this.reading.delete(path);
    }
    this.forgetScans();
  }

  private forgetScans(): void {
    this.scans.clear();
    this.catalogs.clear();
  }

  /** The units a file of this scope can refer to. */
  async catalog(scope: Scope): Promise<UnitCatalog> {
    const [workspace, installed] = await Promise.all([this.scan("workspace"), this.scan(scope)]);
    const cached = this.catalogs.get(scope);
    if (cached?.workspace === workspace && cached.installed === installed) return cached.catalog;
    const catalog = this.buildCatalog(scope, workspace, installed);
    this.catalogs.set(scope, { workspace, installed, catalog });
    return catalog;
  }

  private async buildCatalog(scope: Scope, workspace: Scan, installed: Scan): Promise<UnitCatalog> {
    const units = new Map<string, KnownUnit>(workspace.units);
    for (const [name, unit] of installed.units) if (!units.has(name)) units.set(name, unit);
    const special = new Map(specialUnitsFor(scope).map((unit) => [unit.name, unit.description]));
    for (const name of special.keys()) if (!units.has(name)) units.set(name, { name, origin: "special" });
    const list = [...units.values()];
    await this.readFacts(list.flatMap((unit) => (unit.path && !unit.masked ? [unit.path] : [])));
    const stateOf = this.options.stateOf;
    return {
      list: () => list,
      get: (name) => units.get(name),
      description: (name) => {
        const unit = units.get(name);
        return (unit?.path && !unit.masked ? this.facts.get(unit.path)?.description : undefined) ?? special.get(name);
      },
      ...(stateOf && { state: (name: string) => stateOf(scope, name) }),
      ordering: (name) => {
        const unit = units.get(name);
        const facts = unit?.path && !unit.masked ? this.facts.get(unit.path) : undefined;
        return facts && { after: facts.after, before: facts.before };
      },
    };
  }

  /** Every unit and drop-in file of the workspace and of this scope's directories, for a reference search. */
  async files(scope: Scope): Promise<string[]> {
    const [workspace, installed] = await Promise.all([this.scan("workspace"), this.scan(scope)]);
    const paths = [workspace, installed].flatMap((scan) => [
      ...[...scan.units.values()].flatMap((unit) => (unit.path && !unit.masked ? [unit.path] : [])),
      ...scan.dropIns,
    ]);
    return [...new Set(paths)];
  }

  /**
   * The files of `files(scope)` that name `unit` in a unit-typed directive (an instance counts for
   * its template), as they were when the index read them.
   */
  async filesNaming(scope: Scope, unit: string): Promise<string[]> {
    const files = await this.files(scope);
    await this.readFacts(files);
    return files.filter((path) => this.facts.get(path)?.names.includes(unit));
  }

  /** Every unit and drop-in file of the workspace folders. */
  async workspaceFiles(): Promise<string[]> {
    const scan = await this.scan("workspace");
    return [...[...scan.units.values()].flatMap((unit) => (unit.path ? [unit.path] : [])), ...scan.dropIns];
  }

  private scan(which: Scope | "workspace"): Promise<Scan> {
    const cached = this.scans.get(which);
    if (cached && this.now() - cached.at <= (this.options.ttlMs ?? 30_000)) return cached.scan;
    const scan = which === "workspace" ? this.scanWorkspace() : this.scanSearchPaths(which);
    this.scans.set(which, { scan, at: this.now() });
    return scan;
  }

  private async scanSearchPaths(scope: Scope): Promise<Scan> {
    const scan: Scan = { units: new Map(), dropIns: [] };
    const seen = new Set<string>();
    for (const directory of (this.options.searchPaths ?? unitSearchPaths)(scope)) {
      // /lib and /usr/lib are one directory on merged-/usr systems.
      const real = await realpath(directory).catch(() => undefined);
      if (!real || seen.has(real)) continue;
      seen.add(real);
      for (const entry of await listDirectory(directory, this.limits.entriesPerDirectory)) {
        const path = posix.join(directory, entry.name);
        if (entry.directory && entry.name.endsWith(".d")) {
          for (const inner of await listDirectory(path, this.limits.entriesPerDirectory)) {
            if (inner.name.endsWith(".conf") && !inner.directory) scan.dropIns.push(posix.join(path, inner.name));
          }
          continue;
        }
        if (entry.directory || scan.units.has(entry.name) || !isUnitName(entry.name)) continue;
        const masked = entry.symlink && (await readlink(path).catch(() => "")) === "/dev/null";
        scan.units.set(entry.name, { name: entry.name, origin: "installed", path, ...(masked && { masked }) });
      }
    }
    return scan;
  }

  /** Walks the workspace folders breadth first, without following symlinked directories. */
  private async scanWorkspace(): Promise<Scan> {
    const scan: Scan = { units: new Map(), dropIns: [] };
    let budget = this.limits.workspaceEntries;
    let level = [...this.folders];
    for (let depth = 0; depth <= this.limits.workspaceDepth && level.length > 0 && budget > 0; depth++) {
      const next: string[] = [];
      for (const directory of level) {
        const entries = await listDirectory(directory, Math.min(budget, this.limits.entriesPerDirectory));
        budget -= entries.length;
        for (const entry of entries) {
          const path = posix.join(directory, entry.name);
          if (entry.directory) {
            if (!SKIPPED_DIRECTORIES.has(entry.name)) next.push(path);
            continue;
          }
          if (!entry.file && !entry.symlink) continue;
          const kind = unitKind(path);
          if (kind.file?.family !== "unit" || kind.systemctlEditTemp) continue;
          if (kind.dropIn) scan.dropIns.push(path);
          else if (!scan.units.has(entry.name) && isUnitName(entry.name))
            scan.units.set(entry.name, { name: entry.name, origin: "workspace", path });
        }
        if (budget <= 0) break;
      }
      level = next;
    }
    return scan;
  }

  /**
   * Reads what the index keeps of each file not read yet (its first `fileBytes`). A file being read
   * already is not read twice; what a reading brings of a file forgotten since it began is dropped.
   */
  private async readFacts(paths: readonly string[]): Promise<void> {
    const unread = paths.filter((path) => !this.facts.has(path) && !this.reading.has(path));
    if (unread.length > 0) {
      const ours = (path: string) => this.reading.get(path) === read;
      const read: Promise<void> = Promise.resolve()
        .then(() => {
          const found = (path: string, facts: UnitFileFacts | undefined) => {
            if (!ours(path)) return;
            this.facts.set(path, facts);
            this.reading.delete(path);
          };
          const { readFacts, readFile } = this.options;
          return readFacts
            ? readFacts(unread, this.limits.fileBytes, found)
            : readFactsHere(unread, this.limits.fileBytes, found, readFile);
        })
        .finally(() => unread.forEach((path) => ours(path) && this.reading.delete(path)));
      for (const path of unread) this.reading.set(path, read);
    }
    const readings = new Set<Promise<void>>();
    for (const path of paths) {
      const reading = this.reading.get(path);
      if (reading) readings.add(reading);
    }
    await Promise.all(readings);
  }
}
