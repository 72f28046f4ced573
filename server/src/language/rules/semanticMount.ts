import type { Finding, RuleContext, RuleFamily, RuleInfo } from "./rule";
import { effective, typeSection, unitAnchor, unitTypeOf } from "./semanticAssignments";

export const mountWhereMismatch: RuleInfo = {
  id: "mount-where-mismatch",
  defaultSeverity: "error",
  description: "A mount or automount unit whose file name is not its Where= path escaped; systemd refuses to load it.",
};

export const mountWithoutWhat: RuleInfo = {
  id: "mount-without-what",
  defaultSeverity: "error",
  description: "A mount unit without What=; systemd refuses to load it.",
};

const SAFE = /[A-Za-z0-9:_.]/;

const escapeByte = (byte: number) => `\\x${byte.toString(16).padStart(2, "0")}`;

const utf8 = new TextEncoder();

function escapeCharacter(character: string): string {
  if (SAFE.test(character)) return character;
  // Beyond ASCII, each byte of the UTF-8 encoding is escaped.
  return [...utf8.encode(character)].map(escapeByte).join("");
}

/**
 * The unit name systemd derives from a path (as `systemd-escape --path` prints it), or undefined for
 * a path it refuses (not absolute, or with "." or ".." components after simplification).
 */
export function unitNameFromPath(path: string, suffix: string): string | undefined {
  if (!path.startsWith("/")) return undefined;
  const parts = path.split("/").filter((part) => part !== "" && part !== ".");
  if (parts.includes("..")) return undefined;
  if (parts.length === 0) return `-.${suffix}`;
  const joined = parts.join("/");
  let escaped = "";
  for (const [index, character] of [...joined].entries()) {
    if (character === "/") escaped += "-";
    else if (index === 0 && character === ".") escaped += escapeByte(0x2e);
    else escaped += escapeCharacter(character);
  }
  return `${escaped}.${suffix}`;
}

export const mountRules: RuleFamily = {
  rules: [mountWhereMismatch, mountWithoutWhat],
  check({ file, kind }: RuleContext): Finding[] {
    const type = unitTypeOf(kind);
    if ((type !== "mount" && type !== "automount") || kind.dropIn) return [];
    const section = typeSection(type);
    const findings: Finding[] = [];
    const where = effective(file, section, "Where");
    if (where && !where.value.includes("%")) {
      const expected = unitNameFromPath(where.value, type);
      if (expected && expected !== kind.name) {
        findings.push({
          rule: mountWhereMismatch,
          span: where.valueSpan,
          message: `A ${type} unit for ${where.value} must be named ${expected} (systemd-escape --path --suffix=${type}); systemd refuses to load ${kind.name}. Rename the file or fix Where=.`,
        });
      }
    }
    const anchor = unitAnchor(file, section);
    if (type === "mount" && anchor && !effective(file, "Mount", "What")) {
      findings.push({
        rule: mountWithoutWhat,
        span: anchor,
        message: "This mount unit has no What=; systemd refuses to load it. Add What= with the device, share or file system to mount.",
      });
    }
    return findings;
  },
};
