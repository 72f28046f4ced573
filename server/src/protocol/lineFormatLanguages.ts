/**
 * The line-based configuration formats that systemd and udev read beside unit files, each with its
 * own language id and the file names that open in it. The VS Code manifest contributes the same
 * patterns (a test keeps them equal); the server recognises a file by these patterns or, for a file
 * no pattern names, by the language id its client gives it.
 */
import { globPattern } from "../language/project/glob";

export interface LineFormatLanguage {
  /** The language id clients name the format by. */
  id: string;
  /** What the format is called in the manual and in messages. */
  title: string;
  /** Globs over "/"-separated paths; `**` crosses directories, `*` stays within a name. No braces. */
  filenamePatterns: readonly string[];
}

export const LINE_FORMAT_LANGUAGES = [
  { id: "systemd-tmpfiles", title: "tmpfiles.d", filenamePatterns: ["**/tmpfiles.d/*.conf"] },
  { id: "systemd-sysusers", title: "sysusers.d", filenamePatterns: ["**/sysusers.d/*.conf"] },
  { id: "udev-rules", title: "udev rules", filenamePatterns: ["**/udev/rules.d/*.rules", "**/udev/*.rules"] },
  { id: "udev-hwdb", title: "hwdb", filenamePatterns: ["**/*.hwdb"] },
  { id: "sysctl", title: "sysctl.d", filenamePatterns: ["**/sysctl.d/*.conf", "**/sysctl.conf"] },
  { id: "systemd-modules-load", title: "modules-load.d", filenamePatterns: ["**/modules-load.d/*.conf"] },
  { id: "systemd-binfmt", title: "binfmt.d", filenamePatterns: ["**/binfmt.d/*.conf"] },
  { id: "systemd-environment", title: "environment.d", filenamePatterns: ["**/environment.d/*.conf"] },
  { id: "systemd-preset", title: "preset", filenamePatterns: ["**/*.preset"] },
  {
    id: "os-release",
    title: "os-release",
    filenamePatterns: ["**/os-release", "**/initrd-release", "**/extension-release.d/extension-release.*"],
  },
] as const satisfies readonly LineFormatLanguage[];

export type LineFormatLanguageId = (typeof LINE_FORMAT_LANGUAGES)[number]["id"];

const PATTERNS = LINE_FORMAT_LANGUAGES.map((language) => ({ id: language.id, patterns: language.filenamePatterns.map(globPattern) }));

/** The line format a file is by its path ("/"-separated), if any. */
export function lineFormatLanguageOf(path: string): LineFormatLanguageId | undefined {
  return PATTERNS.find(({ patterns }) => patterns.some((pattern) => pattern.test(path)))?.id;
}
