/** The diagnostic rules of the line-based formats: one finding per line the reading program refuses or ignores. */
import type { RuleInfo } from "../rules/rule";

export const malformedEntry: RuleInfo = {
  id: "malformed-entry",
  defaultSeverity: "error",
  description:
    "A line of a tmpfiles.d, sysusers.d, udev, hwdb, sysctl.d, binfmt.d, environment.d, preset or os-release file that its reader cannot split into its fields.",
};

export const invalidField: RuleInfo = {
  id: "invalid-field",
  defaultSeverity: "error",
  description:
    "A field of a tmpfiles.d, sysusers.d, udev or other line-based file whose value its reading program refuses, so that it skips the line.",
};

export const ignoredField: RuleInfo = {
  id: "ignored-field",
  defaultSeverity: "warning",
  description: "A field the reading program reads and then ignores for this kind of line.",
};

export const duplicateEntry: RuleInfo = {
  id: "duplicate-entry",
  defaultSeverity: "warning",
  description: "A line that says again what an earlier line of the file already settled, so that one of the two takes no effect.",
};

export const ineffectiveEntry: RuleInfo = {
  id: "ineffective-entry",
  defaultSeverity: "warning",
  description: "A line its reader accepts that can have no effect, such as a preset whose pattern no unit name can match.",
};
export const unknownSysctlKey: RuleInfo = {
  id: "unknown-sysctl-key",
  defaultSeverity: "hint",
  description:
    "A sysctl.d key that is not in its /proc/sys directory on this machine; a module loaded later may still add it, so this is a hint.",
};

export const lineFormatRules: readonly RuleInfo[] = [
  malformedEntry,
  invalidField,
  ignoredField,
  duplicateEntry,
  ineffectiveEntry,
  unknownSysctlKey,
];
