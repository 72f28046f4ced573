/** sysusers.d: `Type Name ID GECOS Home Shell`, as systemd-sysusers reads each line. */
import { parseNumericId } from "../values/userGroup";
import type { LineCompletion, LineFinding, LineFormat, LineHover, LineCheckContext } from "./lineFormat";
import { alignColumns, fieldAt, finding, isCommentOrBlank, isDash, onWord, quotedText, rawFields, splitFields } from "./lines";
import { duplicateEntry, invalidField, malformedEntry } from "./rules";
import { isNormalizedAbsolutePath, strictNameProblem } from "./owners";

const TYPES: Readonly<Record<string, string>> = {
  u: "create a system user, and a group of the same name, unless they exist",
  g: "create a system group unless it exists",
  m: "add the user to the group (both created if needed)",
  r: "set the range of ids new users and groups are given from",
};

const COLUMNS = ["type", "name", "id", "GECOS", "home", "shell"] as const;
const COLUMN_DOCS: Readonly<Record<(typeof COLUMNS)[number], string>> = {
  type: "`u` user, `g` group, `m` membership or `r` id range.",
  name: "The user or group name: a letter or `_` first, then letters, digits, `_` or `-`, at most 31 characters.",
  id: "For `u`: a uid, `uid:gid`, `uid:group` or a path whose owner gives it; for `g`: a gid or a path; for `m`: the group; for `r`: `first-last`. `-` picks one.",
  GECOS: "The user's description (no `:`), quoted when it has spaces.",
  home: "The user's home directory, an absolute path; `-` for the default.",
  shell: "The user's login shell, an absolute path; `-` for the default.",
};

/** Which types take which columns after the name. */
const TAKES_ACCOUNT_FIELDS = new Set(["u"]);

/** Since which systemd a `u!` (a locked user) is read; older ones refuse any modifier. */
const LOCKED_USER_SINCE = 256;

const hasSpecifier = (text: string) => text.includes("%");

function checkId(type: string, id: string): string | undefined {
  if (type === "r") {
    const range = /^(\d+)(?:-(\d+))?$/.exec(id);
    const [from, to] = [range && parseNumericId(range[1]!), range?.[2] && parseNumericId(range[2])];
    if (!range || from === undefined || from === null || (range[2] && (to === undefined || (to as number) < from)))
      return `systemd-sysusers cannot read the id range ${quotedText(id)}: write first-last, e.g. 500-999.`;
    return undefined;
  }
  if (type === "m") return strictNameProblem(id) && `systemd-sysusers refuses the group of an m line: ${strictNameProblem(id)}`;
  if (id.startsWith("/")) return undefined;
  if (type === "u") {
    const [uid, gid] = id.includes(":") ? [id.slice(0, id.indexOf(":")), id.slice(id.indexOf(":") + 1)] : [id, undefined];
    if (uid !== "-" && parseNumericId(uid) === undefined) return `systemd-sysusers cannot read the uid ${quotedText(uid)}.`;
    if (gid !== undefined && parseNumericId(gid) === undefined && strictNameProblem(gid))
      return `systemd-sysusers cannot read the group ${quotedText(gid)} after ":": it is neither a gid nor a valid group name.`;
    return undefined;
  }
  return parseNumericId(id) === undefined ? `systemd-sysusers cannot read the gid ${quotedText(id)}.` : undefined;
}

function checkLine(
  text: string,
  line: number,
  context: LineCheckContext,
  seen: Map<string, { line: number; settings: string }>,
): LineFinding[] {
  const split = splitFields(text, 6);
  if (split.error)
    return [
      finding(malformedEntry, line, split.error.start, split.error.end, `systemd-sysusers cannot read this line: ${split.error.message}`),
    ];
  const [typeWord, nameWord, idWord, gecosWord, homeWord, shellWord] = split.fields;
  if (!typeWord || !nameWord)
    return [
      finding(malformedEntry, line, 0, text.length, "A sysusers.d line needs at least a type and a name; systemd-sysusers skips it."),
    ];
  if (split.rest < text.trimEnd().length)
    return [
      finding(
        malformedEntry,
        line,
        split.rest,
        text.trimEnd().length,
        "systemd-sysusers reads six columns at most and refuses the line with this after them (quote a GECOS with spaces).",
      ),
    ];
  const type = typeWord.text[0] ?? "";
  const modifiers = typeWord.text.slice(1);
  const lockedAllowed = (context.systemdVersion ?? Infinity) >= LOCKED_USER_SINCE;
  if (modifiers !== "" && !(lockedAllowed && modifiers === "!"))
    return [
      onWord(
        invalidField,
        line,
        typeWord,
        `systemd-sysusers refuses the type ${quotedText(typeWord.text)}: ${lockedAllowed ? "only ! may follow the letter" : `modifiers are read from systemd ${LOCKED_USER_SINCE} on`}.`,
      ),
    ];
  if (!(type in TYPES))
    return [onWord(invalidField, line, typeWord, `systemd-sysusers knows no line type ${quotedText(type)}; it skips the line.`)];
  const name = isDash(nameWord.text) ? undefined : nameWord.text;
  if (name !== undefined && !hasSpecifier(name) && strictNameProblem(name))
    return [onWord(invalidField, line, nameWord, `systemd-sysusers refuses the line: ${strictNameProblem(name)}`)];
  const id = idWord && !isDash(idWord.text) ? idWord.text : undefined;
  const accountFields: [typeof gecosWord, string, (value: string) => boolean][] = [
    [gecosWord, "GECOS", (value) => !/[:\n]/.test(value)],
    [homeWord, "home directory", isNormalizedAbsolutePath],
    [shellWord, "login shell", isNormalizedAbsolutePath],
  ];
  for (const [word, what, valid] of accountFields) {
    if (!word || isDash(word.text) || hasSpecifier(word.text)) continue;
    if (!valid(word.text))
      return [
        onWord(
          invalidField,
          line,
          word,
          `systemd-sysusers refuses ${quotedText(word.text)} as a ${what}${what === "GECOS" ? ' (no ":")' : ": it must be a normalized absolute path"}.`,
        ),
      ];
  }
  if (type === "r" && name !== undefined)
    return [onWord(invalidField, line, nameWord, "r lines take no name (write -); systemd-sysusers skips the line.")];
  if (type !== "r" && name === undefined)
    return [onWord(invalidField, line, nameWord, `${type} lines need a name; systemd-sysusers skips the line.`)];
  if ((type === "r" || type === "m") && id === undefined)
    return [
      finding(
        invalidField,
        line,
        typeWord.start,
        (idWord ?? nameWord).end,
        type === "r" ? "r lines need an id range in the third column." : "m lines need the group in the third column.",
      ),
    ];
  const extra = accountFields.find(([word]) => word && !isDash(word.text));
  if (!TAKES_ACCOUNT_FIELDS.has(type) && extra)
    return [onWord(invalidField, line, extra[0]!, `${type} lines take no ${extra[1]}; systemd-sysusers skips the line.`)];
  if (id !== undefined && !hasSpecifier(id)) {
    const problem = checkId(type, id);
    if (problem) return [onWord(invalidField, line, idWord!, problem)];
  }
  if ((type === "u" || type === "g") && name !== undefined) {
    const key = `${type} ${name}`;
    const settings = [idWord, gecosWord, homeWord, shellWord].map((word) => word?.text ?? "-").join(" ");
    const earlier = seen.get(key);
    if (!earlier) seen.set(key, { line, settings });
    else if (earlier.settings !== settings)
      return [
        onWord(
          duplicateEntry,
          line,
          nameWord,
          `Line ${earlier.line + 1} already defines ${type === "u" ? "the user" : "the group"} ${name} differently; systemd-sysusers ignores this line.`,
        ),
      ];
  }
  return [];
}

function complete(text: string, character: number): LineCompletion[] {
  const { index } = fieldAt(splitFields(text, 6).fields, character);
  if (isCommentOrBlank(text) || index === 0) return Object.entries(TYPES).map(([label, detail]) => ({ label, kind: "type", detail }));
  if (index === 4) return ["/", "/run/%N", "/var/lib/%N", "-"].map((label) => ({ label, kind: "value", detail: COLUMN_DOCS.home }));
  if (index === 5) return ["/usr/sbin/nologin", "/bin/sh", "-"].map((label) => ({ label, kind: "value", detail: COLUMN_DOCS.shell }));
  if (index === 2) return [{ label: "-", kind: "value", detail: "pick a free id" }];
  return [];
}

function hover(text: string, character: number): LineHover | undefined {
  if (isCommentOrBlank(text)) return undefined;
  const { index, word } = fieldAt(splitFields(text, 6).fields, character);
  if (!word) return undefined;
  const type = word.text[0] ?? "";
  if (index === 0 && TYPES[type])
    return {
      start: word.start,
      end: word.end,
      summary: `**sysusers.d type \`${type}\`**: ${TYPES[type]}.`,
      manual: { page: "sysusers.d(5)", term: type },
    };
  const column = COLUMNS[index];
  return column ? { start: word.start, end: word.end, summary: `**${column}**: ${COLUMN_DOCS[column]}` } : undefined;
}

export const sysusers: LineFormat = {
  id: "systemd-sysusers",
  check(lines, context = {}) {
    const seen = new Map<string, { line: number; settings: string }>();
    return lines.flatMap((text, line) => (isCommentOrBlank(text) ? [] : checkLine(text, line, context, seen)));
  },
  complete,
  hover,
  format: (lines) => alignColumns(lines, (line) => rawFields(line, 6)),
};
