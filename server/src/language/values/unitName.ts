import { problemAt, quoted, type ValueProblem } from "./problem";
import { findSpecifiers } from "./specifiers";

import { UNIT_TYPES, type UnitType } from "../unitKind";

export { UNIT_TYPES, type UnitType };

/** Longest unit name systemd accepts (UNIT_NAME_MAX 256, less the terminating NUL). */
export const UNIT_NAME_MAX_LENGTH = 255;

export interface UnitNameInfo {
  type: UnitType;
  /** The part before "@" (or before the suffix, for a plain name). */
  prefix: string;
  /** "plain" (foo.service), "template" (foo@.service) or "instance" (foo@bar.service). */
  kind: "plain" | "template" | "instance";
  instance?: string;
}

export type UnitNameResult = { ok: true; unit: UnitNameInfo } | { ok: false; problem: ValueProblem };

export interface UnitNameOptions {
  /** Which forms are allowed; all by default. */
  allow?: readonly UnitNameInfo["kind"][];
  /** Unit types allowed, e.g. only "slice" for Slice=. */
  types?: readonly UnitType[];
}

const EXPECTED = 'Expected a unit name such as "foo.service", "foo@.service" or "foo@bar.timer"';

/** Checks a unit name by systemd's unit_name_is_valid() rules and splits it into its parts. */
const fail = (start: number, end: number, detail: string): UnitNameResult => ({
  ok: false,
  problem: problemAt(start, Math.max(end, start + 1), `${EXPECTED}; ${detail}`),
});

export function parseUnitName(value: string, options: UnitNameOptions = {}): UnitNameResult {
  if (value === "") return fail(0, 0, "the value is empty.");
  if (value.length > UNIT_NAME_MAX_LENGTH) return fail(0, value.length, `it is longer than ${UNIT_NAME_MAX_LENGTH} characters.`);
  const dot = value.lastIndexOf(".");
  if (dot <= 0) return fail(0, value.length, "it needs a type suffix such as .service or .timer.");
  const suffix = value.slice(dot + 1);
  if (!(UNIT_TYPES as readonly string[]).includes(suffix)) {
    return fail(dot, value.length, `${quoted("." + suffix)} is not a unit type (${UNIT_TYPES.map((t) => "." + t).join(", ")}).`);
  }
  const type = suffix as UnitType;
  const bad = value.slice(0, dot).search(/[^A-Za-z0-9:\-_.\\@]/);
  if (bad >= 0)
    return fail(
      bad,
      bad + 1,
      `${quoted(value[bad]!)} is not allowed; use letters, digits and : - _ . \\ (escape others with systemd-escape).`,
    );
  const at = value.indexOf("@");
  if (at === 0) return fail(0, 1, "the name cannot start with @.");
  const unit: UnitNameInfo =
    at < 0
      ? { type, prefix: value.slice(0, dot), kind: "plain" }
      : at + 1 === dot
        ? { type, prefix: value.slice(0, at), kind: "template" }
        : { type, prefix: value.slice(0, at), kind: "instance", instance: value.slice(at + 1, dot) };
  if (options.allow && !options.allow.includes(unit.kind)) {
    return fail(0, value.length, `a ${unit.kind} name is not allowed here (allowed: ${options.allow.join(", ")}).`);
  }
  if (options.types && !options.types.includes(type)) {
    return fail(dot, value.length, `a .${type} unit is not allowed here (allowed: ${options.types.map((t) => "." + t).join(", ")}).`);
  }
  return { ok: true, unit };
}

export function checkUnitName(value: string, options?: UnitNameOptions): ValueProblem[] {
  const r = parseUnitName(value, options);
  return r.ok ? [] : [r.problem];
}

/** Specifiers whose expansion ends in a type suffix of its own: the full unit name. */
const NAME_WITH_SUFFIX = new Set(["n"]);

/**
 * A unit name built with specifiers, judged as systemd judges it once they are expanded. `text`
 * has each specifier stood in for by plain name characters; `written` is the word as written.
 * Only what the specifiers cannot change is checked: the type suffix after the last of them.
 */
export function checkUnitNameWithSpecifiers(
  text: string,
  written: string,
  letters: ReadonlySet<string>,
  options?: UnitNameOptions,
): ValueProblem[] {
  const specifiers = findSpecifiers(written, { letters });
  const last = specifiers.at(-1);
  // Unknown specifiers are reported on their own; a literal "%%" or a path has no place in a name.
  if (!last || specifiers.some((s) => !s.known || s.letter === "%" || !/[A-Za-z]/.test(s.letter))) return [];
  if (written.slice(last.end).includes(".")) return checkUnitName(text, options);
  // A bare %i may be an instance that is itself a unit name (restart@foo.service.service).
  if (NAME_WITH_SUFFIX.has(last.letter) || /^%[iI]$/.test(written)) return [];
  return [
    problemAt(
      0,
      written.length,
      `${EXPECTED} after its specifiers expand; %${last.letter} adds no type suffix, so ${quoted(written)} has none and systemd ignores it. Add one, as in "${written}.service".`,
    ),
  ];
}
