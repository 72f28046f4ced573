import { readdirSync, statSync } from "node:fs";
import { posix } from "node:path";
import type { PathEntry, PathLister } from "../language/pathCompletion";

export interface ProbeOptions {
  /** Entries listed from one directory at most. */
  maxEntries?: number;
  /** How long an answer is reused. */
  ttlMs?: number;
  now?: () => number;
}

function cached<T>(compute: (key: string) => T, ttlMs: number, now: () => number): (key: string) => T {
  const answers = new Map<string, { value: T; at: number }>();
  return (key) => {
    const hit = answers.get(key);
    if (hit && now() - hit.at <= ttlMs) return hit.value;
    const value = compute(key);
    if (answers.size > 500) answers.clear();
    answers.set(key, { value, at: now() });
    return value;
  };
}

function entryOf(directory: string, name: string): PathEntry {
  try {
    // stat follows symlinks, so a link to a program counts as a program; a dangling link is "other".
    const stat = statSync(posix.join(directory, name));
    if (stat.isDirectory()) return { name, type: "directory" };
    if (stat.isFile()) return { name, type: "file", executable: (stat.mode & 0o111) !== 0 };
  } catch {
    // Dangling link or no permission.
  }
  return { name, type: "other" };
}

/** Lists directories of this machine for path completion, sorted, bounded and briefly cached. */
export function createPathLister(options: ProbeOptions = {}): PathLister {
  const maxEntries = options.maxEntries ?? 2000;
  return cached(
    (directory) => {
      if (!directory.startsWith("/")) return undefined;
      try {
        const names = readdirSync(directory).sort().slice(0, maxEntries);
        return names.map((name) => entryOf(directory, name));
      } catch {
        return undefined;
      }
    },
    options.ttlMs ?? 5000,
    options.now ?? Date.now,
  );
}

/** Whether an absolute path is a regular file on this machine, for document links; briefly cached. */
export function createFileProbe(options: ProbeOptions = {}): (path: string) => boolean {
  return cached(
    (path) => {
      try {
        return path.startsWith("/") && statSync(path).isFile();
      } catch {
        return false;
      }
    },
    options.ttlMs ?? 5000,
    options.now ?? Date.now,
  );
}
