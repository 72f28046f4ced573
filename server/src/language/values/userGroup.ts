import { problemAt, quoted, type ValueProblem } from "./problem";

export type UserGroupResult =
  { ok: true; kind: "id"; id: number } | { ok: true; kind: "name"; name: string; strict: boolean } | { ok: false; problem: ValueProblem };

export interface UserGroupOptions {
  /** Whether numeric ids are allowed (User=, Group= take them). */
  allowNumeric?: boolean;
  /** "user" or "group", for messages. */
  what?: "user" | "group";
}

/** A numeric id as parse_uid() reads it: plain decimal, no sign or leading zero, not 65535 or 4294967295. */
export function parseNumericId(text: string): number | undefined {
  if (!/^(0|[1-9]\d*)$/.test(text)) return undefined;
  const n = Number(text);
  return n < 0xffffffff && n !== 0xffff ? n : undefined;
}

/** The strict rule systemd applies to names it creates: a letter or _ first, then letters, digits, _ or -; at most 31. */
export function isStrictUserGroupName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name) && name.length <= 31;
}

/** The relaxed rule unit files are held to: no padding, control characters, ":" or "/", not all digits, not . or .. */
function relaxedNameProblem(name: string): string | undefined {
  if (name.startsWith(" ") || name.endsWith(" ")) return "it must not start or end with a space.";
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(name)) return "it must not contain control characters.";
  if (/[:/]/.test(name)) return 'it must not contain ":" or "/".';
  if (/^-?\d+$/.test(name)) return "a name made only of digits would be taken for an id.";
  if (name === "." || name === "..") return '"." and ".." are not names.';
  return undefined;
}

/** Checks a User=/Group= value the way systemd does (relaxed rules, numeric ids allowed). */
export function parseUserGroup(value: string, options: UserGroupOptions = {}): UserGroupResult {
  const what = options.what ?? "user";
  const expected = `Expected a ${what} name such as "www-data" or "_myservice"${options.allowNumeric === false ? "" : ', or a numeric id such as "1000"'}`;
  const fail = (detail: string): UserGroupResult => ({ ok: false, problem: problemAt(0, value.length, `${expected}; ${detail}`) });
  if (value === "") return fail("the value is empty.");
  const id = parseNumericId(value);
  if (id !== undefined) return options.allowNumeric === false ? fail("numeric ids are not allowed here.") : { ok: true, kind: "id", id };
  const problem = relaxedNameProblem(value);
  if (problem) return fail(`${quoted(value)} is not valid: ${problem}`);
  return { ok: true, kind: "name", name: value, strict: isStrictUserGroupName(value) };
}

/** Errors for invalid names; a warning for names systemd accepts but that break the portable naming rules. */
export function checkUserGroup(value: string, options?: UserGroupOptions): ValueProblem[] {
  const r = parseUserGroup(value, options);
  if (!r.ok) return [r.problem];
  if (r.kind === "name" && !r.strict) {
    return [
      problemAt(
        0,
        value.length,
        `Expected a portable ${options?.what ?? "user"} name (a letter or _ first, then letters, digits, _ or -, at most 31 characters); systemd accepts ${quoted(value)} but other tools may not.`,
        "warning",
      ),
    ];
  }
  return [];
}
