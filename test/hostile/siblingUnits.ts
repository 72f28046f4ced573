import { readdirSync } from "node:fs";
import { dirname } from "node:path";

/** The names beside `path` on this machine, as the server lists them for rules about a timer's or socket's unit. */
export function siblingUnits(path: string): Set<string> {
  try {
    return new Set(readdirSync(dirname(path)));
  } catch {
    return new Set();
  }
}
