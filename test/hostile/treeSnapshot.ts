import { lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join, relative } from "node:path";

/** Every entry under `root` (relative path → kind, size, mtime and a digest of its content), for spotting any write. */
export function snapshotTree(root: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const info = lstatSync(path);
      const key = relative(root, path);
      if (info.isSymbolicLink()) entries.set(key, `link → ${readlinkSync(path)}`);
      else if (info.isDirectory()) {
        entries.set(key, `dir mode ${info.mode.toString(8)}`);
        if (info.mode & 0o400) walk(path);
      } else entries.set(key, `file ${info.size} bytes, mtime ${info.mtimeMs}, ${digest(readFileSync(path))}`);
    }
  };
  walk(root);
  return entries;
}

function digest(bytes: Buffer): string {
  let hash = 2166136261;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 16777619) >>> 0;
  return hash.toString(16);
}

/** Paths whose entry differs between two snapshots, added or removed ones included. */
export function changedPaths(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((key) => before.get(key) !== after.get(key)).sort();
}
