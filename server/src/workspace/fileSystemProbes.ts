import type { Stats } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { posix } from "node:path";
import type { PathEntry, PathLister } from "../language/pathCompletion";

/** What the probes ask of the disk: the thread pool by default. */
export interface ProbeFileSystem {
  readdir(path: string): Promise<string[]>;
  stat(path: string): Promise<Stats>;
}

export interface ProbeOptions {
  /** Entries listed from one directory at most. */
  maxEntries?: number;
  /** How long an answer is reused. */
  ttlMs?: number;
  now?: () => number;
  fileSystem?: ProbeFileSystem;
}

/** Reuses each answer for `ttlMs`; a question asked again while its answer is pending shares it. */
function cached<T>(compute: (key: string) => Promise<T>, ttlMs: number, now: () => number): (key: string) => Promise<T> {
  const answers = new Map<string, { value: Promise<T>; at: number }>();
  return (key) => {
    const hit = answers.get(key);
    if (hit && now() - hit.at <= ttlMs) return hit.value;
    const value = compute(key);
    if (answers.size > 500) answers.clear();
    answers.set(key, { value, at: now() });
    return value;
  };
}

async function entryOf(fileSystem: ProbeFileSystem, directory: string, name: string): Promise<PathEntry> {
  try {
    // stat follows symlinks, so a link to a program counts as a program; a dangling link is "other".
    const found = await fileSystem.stat(posix.join(directory, name));
    if (found.isDirectory()) return { name, type: "directory" };
    if (found.isFile()) return { name, type: "file", executable: (found.mode & 0o111) !== 0 };
  } catch {
    // Dangling link or no permission.
  }
  return { name, type: "other" };
}

/** Lists directories of this machine for path completion, sorted, bounded and briefly cached. */
export function createPathLister(options: ProbeOptions = {}): PathLister {
  const maxEntries = options.maxEntries ?? 2000;
  const fileSystem = options.fileSystem ?? { readdir, stat };
  return cached(
    async (directory) => {
      if (!directory.startsWith("/")) return undefined;
      try {
        const names = (await fileSystem.readdir(directory)).sort().slice(0, maxEntries);
        return await Promise.all(names.map((name) => entryOf(fileSystem, directory, name)));
      } catch {
        return undefined;
      }
    },
    options.ttlMs ?? 5000,
    options.now ?? Date.now,
  );
}

/** Whether an absolute path is a regular file on this machine, for document links; briefly cached. */
export function createFileProbe(options: ProbeOptions = {}): (path: string) => Promise<boolean> {
  return cached(
    async (path) => path.startsWith("/") && (await stat(path).catch(() => undefined))?.isFile() === true,
    options.ttlMs ?? 5000,
    options.now ?? Date.now,
  );
}
