import type { UnitKind } from "./unitKind";

/** A glob as settings write it (`examples/user/**`, `*.user.service`) as a regular expression matching a path's end. */
function globPattern(glob: string): RegExp {
  const body = glob
    .replace(/^\.?\//, "")
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*\*\/?|\*|\?/g, (wildcard) => (wildcard.startsWith("**") ? "(.*/)?" : wildcard === "*" ? "[^/]*" : "[^/]"));
  return new RegExp(`(^|/)${body.replace(/\(\.\*\/\)\?$/, ".*")}$`);
}

/** `"a/**, b/*.service"` → its globs, empty ones left out. */
export function globsOf(setting: string): string[] {
  return setting
    .split(",")
    .map((glob) => glob.trim())
    .filter((glob) => glob !== "");
}

/**
 * The kind with the scope the workspace gives a file its path does not place: a file matching one
 * of `userUnitFiles` is written for the user manager (its %h is the user's home).
 */
export function withWorkspaceScope(kind: UnitKind, path: string, userUnitFiles: readonly string[]): UnitKind {
  if (kind.scope || !userUnitFiles.some((glob) => globPattern(glob).test(path))) return kind;
  return { ...kind, scope: "user", scopeFromSettings: true };
}
