import { UNIT_TYPES } from "../language/unitKind";

/** systemd's UNIT_NAME_MAX (256) less the terminating NUL. */
export const MAX_UNIT_NAME_LENGTH = 255;

export type NameCheck = { ok: true; name: string } | { ok: false; message: string };

// Letters, digits, ":", "_", ".", "-" and systemd-escape's \xNN sequences; nothing a shell or an option parser treats specially.
const NAME_PART = /^(?:[A-Za-z0-9:_.-]|\\x[0-9A-Fa-f]{2})+$/;

function refuse(value: unknown, what: string, why: string): NameCheck {
  const shown = typeof value === "string" ? JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value) : String(value);
  return { ok: false, message: `${shown} is not a valid ${what}: ${why}` };
}

function partProblem(part: string, rootUnit = false): string | undefined {
  if (!NAME_PART.test(part)) {
    return 'use only letters, digits, ":", "_", ".", "-" and \\xNN escapes (systemd-escape makes them)';
  }
  // "-" alone names the root: -.mount, -.slice. Units go after "--" on command lines anyway.
  if ((part.startsWith("-") && !(rootUnit && part === "-")) || part.startsWith(".")) return 'it may not start with "-" or "."';
  if (part.includes("..")) return 'it may not contain ".."';
  return undefined;
}

/**
 * Checks a unit name before it goes on a command line or into a path: systemd's own rules
 * (a known type suffix, at most 255 characters, "@" only between a name and an instance)
 * and nothing beyond them that a shell, an option parser or a path could misread.
 */
export function checkUnitName(value: unknown): NameCheck {
  if (typeof value !== "string" || value === "") return refuse(value, "unit name", "it is empty");
  if (value.length > MAX_UNIT_NAME_LENGTH) return refuse(value, "unit name", `it is longer than ${MAX_UNIT_NAME_LENGTH} characters`);
  const dot = value.lastIndexOf(".");
  const suffix = dot < 0 ? "" : value.slice(dot + 1);
  if (!(UNIT_TYPES as readonly string[]).includes(suffix)) {
    return refuse(value, "unit name", `it must end in a unit type (${UNIT_TYPES.map((t) => "." + t).join(", ")})`);
  }
  const stem = value.slice(0, dot);
  const [prefix = "", instance, ...more] = stem.split("@");
  if (more.length > 0) return refuse(value, "unit name", 'it has more than one "@"');
  const problem = partProblem(prefix, instance === undefined) ?? (instance ? partProblem(instance) : undefined);
  if (problem) return refuse(value, "unit name", problem);
  return { ok: true, name: value };
}

/** Checks the text that goes between "@" and the suffix of a template. */
export function checkInstance(value: unknown): NameCheck {
  if (typeof value !== "string" || value === "") return refuse(value, "instance name", "it is empty");
  const problem = partProblem(value);
  return problem ? refuse(value, "instance name", problem) : { ok: true, name: value };
}

export function isTemplateName(name: string): boolean {
  return /@\.[a-z]+$/.test(name);
}

/** `foo@.service` + `bar` → `foo@bar.service`, checked as a whole. */
export function instantiate(template: string, instance: string): NameCheck {
  const checked = checkInstance(instance);
  if (!checked.ok) return checked;
  const at = template.lastIndexOf("@.");
  return checkUnitName(`${template.slice(0, at + 1)}${instance}${template.slice(at + 1)}`);
}

/** `foo@bar.service` → `foo@.service`: the file an instance comes from; other names are their own file. */
export function templateOf(name: string): string {
  return name.replace(/@[^@]*(\.[a-z]+)$/, "@$1");
}
