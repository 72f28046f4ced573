import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";

export const repoRoot = resolve(__dirname, "../../..");

/** Where screenshots and logs of editor runs go (gitignored); created on first use. */
export function artifactsDir(kind: "screenshots" | "logs"): string {
  const dir = join(repoRoot, ".artifacts", kind);
  mkdirSync(dir, { recursive: true });
  return dir;
}
