// Which release a source directory holds: from git when it is a work tree, else from the
// --<project>-tag / --<project>-commit flags the caller passes.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { SourceRef } from "../../server/src/language/schema/generated/types";

function git(dir: string, args: string[]): string | undefined {
  try {
    return execFileSync("git", ["-C", dir, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

export function sourceRef(dir: string, flags: { tag?: string; commit?: string }, project: string): SourceRef {
  const isGit = existsSync(join(dir, ".git"));
  const tag = flags.tag ?? (isGit ? git(dir, ["describe", "--tags", "--exact-match", "HEAD"]) : undefined);
  const commit = flags.commit ?? (isGit ? git(dir, ["rev-parse", "HEAD"]) : undefined);
  if (!tag || !commit) {
    throw new Error(`${dir} is not a git checkout of a ${project} release tag; pass --${project}-tag and --${project}-commit`);
  }
  if (!/^[0-9a-f]{40}$/.test(commit)) throw new Error(`--${project}-commit must be a full 40-digit commit id`);
  return { tag, commit };
}
