/** User, group and path fields as systemd-tmpfiles and systemd-sysusers read them. */
import { isStrictUserGroupName, parseNumericId } from "../values/userGroup";
import { quotedText } from "./lines";

/**
 * Why no user or group database could ever hold this name or id; undefined for a plausible one
 * (whether it exists is the machine's business at run time).
 */
export function checkOwner(text: string, what: "user" | "group"): string | undefined {
  if (parseNumericId(text) !== undefined) return undefined;
  if (/^\d+$/.test(text)) return `${quotedText(text)} is not a valid ${what} id.`;
  // eslint-disable-next-line no-control-regex
  if (/[\s:/\x00-\x1f\x7f]/.test(text)) return `${quotedText(text)} cannot be a ${what} name: names hold no spaces, ":" or "/".`;
  return undefined;
}

/** The names systemd-sysusers creates: a letter or _ first, then letters, digits, _ or -, at most 31. */
export function strictNameProblem(text: string): string | undefined {
  return isStrictUserGroupName(text)
    ? undefined
    : `${quotedText(text)} is not a valid user or group name: a letter or _ first, then letters, digits, _ or -, at most 31 characters.`;
}

/** Specifiers that expand to absolute directories (%t the runtime directory, %h a home, ...). */
const ABSOLUTE_SPECIFIERS = new Set(["C", "h", "L", "S", "t", "T", "V"]);

export function isAbsoluteAfterSpecifiers(path: string): boolean {
  return path.startsWith("/") || (path[0] === "%" && ABSOLUTE_SPECIFIERS.has(path[1] ?? ""));
}

/** A normalized absolute path: no "." or ".." components and no doubled "/" (systemd's path_is_normalized). */
export function isNormalizedAbsolutePath(path: string): boolean {
  if (!path.startsWith("/")) return false;
  if (path.includes("//")) return false;
  return !path.split("/").some((part) => part === "." || part === "..");
}
