import { rmSync } from "node:fs";
import { scratchDir } from "./processes";

/** A fresh empty folder for an editor to open. */
export function freshWorkspace(): { path: string; remove(): void } {
  const path = scratchDir("unitsmith-workspace-");
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
