import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { unitKind } from "../../src/language/unitKind";

/** Every unit, drop-in and networkd file this machine's systemd ships. */
export function installedUnitFiles(): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (directory: string) => {
    let names: string[];
    try {
      names = readdirSync(directory);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(directory, name);
      let info;
      try {
        info = statSync(path);
      } catch {
        continue; // dangling symbolic link
      }
      if (info.isDirectory()) walk(path);
      else if (info.isFile() && unitKind(path).file && !seen.has(`${info.dev}:${info.ino}`)) {
        seen.add(`${info.dev}:${info.ino}`);
        found.push(path);
      }
    }
  };
  walk("/lib/systemd");
  walk("/usr/lib/systemd");
  return found.sort();
}
