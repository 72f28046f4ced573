// The C sources of the given directories of a systemd tree, sorted, for the string-table readers.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { SourceFile } from "./enumTables";

export function cFiles(root: string, dirs: readonly string[]): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.[ch]$/.test(name)) files.push({ path: relative(root, path), text: readFileSync(path, "utf8") });
    }
  };
  // A directory an older release does not have yet is skipped.
  for (const dir of dirs) if (existsSync(join(root, dir))) walk(join(root, dir));
  return files;
}
