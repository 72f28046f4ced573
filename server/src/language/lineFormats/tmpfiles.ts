/**
 * tmpfiles.d: `Type Path Mode User Group Age Argument`, as systemd-tmpfiles reads each line (the
 * first six columns are words, the rest of the line is the argument).
 */
import { parseOctalMode } from "../values/octalMode";
import { parseTimeSpan } from "../values/timeSpan";
import type { LineCompletion, LineFinding, LineFormat, LineHover } from "./lineFormat";
import { alignColumns, fieldAt, finding, fromTable, isCommentOrBlank, isDash, onWord, quotedText, rawFields, splitFields } from "./lines";
import { duplicateEntry, ignoredField, invalidField, malformedEntry } from "./rules";
import { checkOwner, isAbsoluteAfterSpecifiers } from "./owners";

type Argument = "none" | "optional" | "required" | "device" | "source";

interface LineType {
  summary: string;
  argument: Argument;
  /** Creates or removes what is at the path: a second such line for the same path is a duplicate. */
  owns: boolean;
}

const TYPES: Readonly<Record<string, LineType>> = {
  f: {
    summary: "create a file (with `+`: create or truncate it); the argument is written into a new file",
    argument: "optional",
    owns: true,
  },
  F: { summary: "create or truncate a file (the old spelling of `f+`)", argument: "optional", owns: true },
  w: { summary: "write the argument to a file that exists (with `+`: append); the path may be a glob", argument: "required", owns: true },
  d: { summary: "create a directory; with an age, clean up its contents", argument: "none", owns: true },
  D: { summary: "like `d`, and its contents are removed on `--remove`", argument: "none", owns: true },
  e: { summary: "adjust and clean up a directory that exists; the path may be a glob", argument: "none", owns: true },
  v: { summary: "create a btrfs subvolume, or a directory where btrfs is not used", argument: "none", owns: true },
  q: { summary: "like `v`, the subvolume in the parent's quota group", argument: "none", owns: true },
  Q: { summary: "like `q`, with a new quota group of its own", argument: "none", owns: true },
  p: { summary: "create a named pipe (with `+`: replace what is there)", argument: "none", owns: true },
  L: { summary: "create a symlink to the argument (with `+`: replace what is there)", argument: "optional", owns: true },
  c: { summary: "create a character device node; the argument is `major:minor`", argument: "device", owns: true },
  b: { summary: "create a block device node; the argument is `major:minor`", argument: "device", owns: true },
  C: { summary: "copy the argument (a file or directory) to the path if it is not there", argument: "source", owns: true },
  x: { summary: "leave the path alone when cleaning up; the path may be a glob", argument: "none", owns: true },
  X: { summary: "leave the path, but not its contents, alone when cleaning up; the path may be a glob", argument: "none", owns: true },
  r: { summary: "remove a file or empty directory; the path may be a glob", argument: "none", owns: true },
  R: { summary: "remove a path and everything below it; the path may be a glob", argument: "none", owns: true },
  z: { summary: "set the mode, owner and SELinux label of a path that exists; the path may be a glob", argument: "none", owns: false },
  Z: { summary: "like `z`, recursively", argument: "none", owns: false },
  m: { summary: "set the mode and owner of a path that exists (the old spelling of `z`)", argument: "none", owns: false },
  t: { summary: "set extended attributes (`name=value` in the argument); the path may be a glob", argument: "required", owns: false },
  T: { summary: "like `t`, recursively", argument: "required", owns: false },
  h: { summary: "set file attributes (`+i`, `-a`, `=C` ... in the argument); the path may be a glob", argument: "required", owns: false },
  H: { summary: "like `h`, recursively", argument: "required", owns: false },
  a: { summary: "set POSIX ACLs (with `+`: add to those there); the path may be a glob", argument: "required", owns: false },
  A: { summary: "like `a`, recursively", argument: "required", owns: false },
};

const MODIFIERS: Readonly<Record<string, string>> = {
  "+": "append or replace: the exact meaning depends on the type",
  "!": "only at boot (`systemd-tmpfiles --boot`)",
  "-": "a failure to create is not an error",
  "=": "remove what is at the path (or a parent) when it has the wrong type",
  "~": "the argument is base64, decoded before use",
  "^": "the argument names a credential whose contents are used",
};

const ATTRIBUTE_LETTERS = "aAcCdDeFijmPsStTux";
const COLUMNS = ["type", "path", "mode", "user", "group", "age", "argument"] as const;

const COLUMN_DOCS: Readonly<Record<(typeof COLUMNS)[number], string>> = {
  type: "The line's type: one letter, then any of the modifiers `+ ! - = ~ ^`.",
  path: "An absolute path; specifiers such as `%t` (the runtime directory) expand in it.",
  mode: "Octal access mode, e.g. `0755`; `-` for the type's default; a leading `~` masks it by the existing mode, a leading `:` applies it only on creation.",
  user: "The owning user, a name or a number; `-` leaves it to the default; a leading `:` applies it only on creation.",
  group: "The owning group, a name or a number; `-` leaves it to the default; a leading `:` applies it only on creation.",
  age: "How old contents must be to be cleaned up, e.g. `10d`; `-` for never; a leading `~` spares the first level; `abcm:` picks the timestamps.",
  argument: "The rest of the line: what to write, link to, copy, or set, depending on the type.",
};

interface Entry {
  line: number;
  type: string;
  path: string;
  /** mode, user, group, age and argument as written, to tell identical lines from conflicting ones. */
  settings: string;
  start: number;
  end: number;
}

function checkMode(mode: string): string | undefined {
  // A leading ~ masks the mode by the existing one; a leading : applies it only when creating.
  const parsed = parseOctalMode(/^[~:]/.test(mode) ? mode.slice(1) : mode);
  return parsed.ok ? undefined : `systemd-tmpfiles refuses the mode ${quotedText(mode)}: it takes octal digits up to 07777, e.g. 0755.`;
}

function checkAge(age: string): string | undefined {
  let text = age.startsWith("~") ? age.slice(1) : age;
  const colon = text.indexOf(":");
  if (colon >= 0) {
    const by = text.slice(0, colon);
    if (!/^[abcmABCM\s]+$/.test(by) || !/[abcmABCM]/.test(by))
      return `systemd-tmpfiles refuses the age ${quotedText(age)}: before ":" only the letters a, b, c, m (files) and A, B, C, M (directories) may stand.`;
    text = text.slice(colon + 1);
  }
  const parsed = parseTimeSpan(text);
  return parsed.ok ? undefined : `systemd-tmpfiles refuses the age ${quotedText(age)}: it is a time span such as 10d or 12h.`;
}

function checkArgument(type: string, info: LineType, argument: string | undefined): string | undefined {
  if (info.argument === "required" && argument === undefined) return `A ${type} line needs an argument; systemd-tmpfiles skips it.`;
  if (info.argument === "device") {
    if (argument === undefined) return `A ${type} line needs the device's "major:minor" as its argument; systemd-tmpfiles skips it.`;
    if (!/^\d+:\d+$/.test(argument))
      return `systemd-tmpfiles cannot read the device numbers ${quotedText(argument)}: write "major:minor", e.g. 1:3.`;
  }
  if (info.argument === "source" && argument !== undefined && !argument.startsWith("/") && !argument.startsWith("%"))
    return `systemd-tmpfiles refuses the source ${quotedText(argument)}: it must be an absolute path.`;
  if ((type === "h" || type === "H") && argument !== undefined) {
    const bad = argument.split(/\s+/).find((part) => part && !new RegExp(`^[-+=]?[${ATTRIBUTE_LETTERS}]+$`).test(part));
    if (bad !== undefined)
      return `systemd-tmpfiles cannot read the file attributes ${quotedText(bad)}: write e.g. +i or -a, letters from ${ATTRIBUTE_LETTERS}.`;
  }
  if ((type === "t" || type === "T") && argument !== undefined && !/^\S+=/.test(argument))
    return `systemd-tmpfiles cannot read the extended attribute ${quotedText(argument)}: write name=value.`;
  return undefined;
}

function checkLine(text: string, line: number, entries: Entry[]): LineFinding[] {
  const split = splitFields(text, 6);
  if (split.error)
    return [
      finding(malformedEntry, line, split.error.start, split.error.end, `systemd-tmpfiles cannot read this line: ${split.error.message}`),
    ];
  const [typeWord, pathWord, modeWord, userWord, groupWord, ageWord] = split.fields;
  if (!typeWord || !pathWord)
    return [
      finding(malformedEntry, line, 0, text.length, "A tmpfiles.d line needs at least a type and a path; systemd-tmpfiles skips it."),
    ];
  const argumentText = text.slice(split.rest).trimEnd();
  const argument = isDash(argumentText) ? undefined : argumentText;
  const findings: LineFinding[] = [];
  const type = typeWord.text[0] ?? "";
  const modifiers = typeWord.text.slice(1);
  for (let i = 0; i < modifiers.length; i++) {
    const modifier = modifiers[i]!;
    if (!(modifier in MODIFIERS) || modifiers.indexOf(modifier) !== i)
      return [
        onWord(
          invalidField,
          line,
          typeWord,
          `systemd-tmpfiles refuses the type ${quotedText(typeWord.text)}: after the letter only + ! - = ~ ^ may follow, each once.`,
        ),
      ];
  }
  const info = TYPES[type];
  if (!info) return [onWord(invalidField, line, typeWord, `systemd-tmpfiles knows no line type ${quotedText(type)}; it skips the line.`)];
  if (!isAbsoluteAfterSpecifiers(pathWord.text))
    return [onWord(invalidField, line, pathWord, `systemd-tmpfiles refuses the path ${quotedText(pathWord.text)}: it must be absolute.`)];
  const argumentProblem = checkArgument(type, info, argument);
  if (argumentProblem) {
    const start = argument === undefined ? typeWord.start : split.rest;
    return [finding(invalidField, line, start, argument === undefined ? typeWord.end : text.trimEnd().length, argumentProblem)];
  }
  for (const [word, what] of [
    [userWord, "user"],
    [groupWord, "group"],
  ] as const) {
    // A leading ":" applies the owner only when the line creates the path.
    const problem = word && !isDash(word.text) ? checkOwner(word.text.replace(/^:/, ""), what) : undefined;
    if (problem) return [onWord(invalidField, line, word!, `systemd-tmpfiles cannot resolve the ${what}: ${problem}`)];
  }
  const modeProblem = modeWord && !isDash(modeWord.text) ? checkMode(modeWord.text) : undefined;
  if (modeProblem) return [onWord(invalidField, line, modeWord!, modeProblem)];
  const ageProblem = ageWord && !isDash(ageWord.text) ? checkAge(ageWord.text) : undefined;
  if (ageProblem) return [onWord(invalidField, line, ageWord!, ageProblem)];
  if (info.argument === "none" && argument !== undefined)
    findings.push(
      finding(ignoredField, line, split.rest, text.trimEnd().length, `${type} lines take no argument; systemd-tmpfiles ignores it.`),
    );
  if (info.owns) {
    const settings =
      [modeWord, userWord, groupWord, ageWord].map((word) => (word && !isDash(word.text) ? word.text : "-")).join(" ") +
      ` ${argument ?? "-"}`;
    entries.push({ line, type, path: pathWord.text.replace(/\/+$/, "") || "/", settings, start: pathWord.start, end: pathWord.end });
  }
  return findings;
}

function duplicates(entries: readonly Entry[]): LineFinding[] {
  const first = new Map<string, Entry>();
  const findings: LineFinding[] = [];
  for (const entry of entries) {
    const earlier = first.get(entry.path);
    if (!earlier) first.set(entry.path, entry);
    // systemd 252 ignores a differing second line even when its type has a "+".
    else if (earlier.settings !== entry.settings)
      findings.push(
        finding(
          duplicateEntry,
          entry.line,
          entry.start,
          entry.end,
          `Line ${earlier.line + 1} already sets up ${entry.path}; systemd-tmpfiles ignores this line ("Duplicate line for path").`,
        ),
      );
  }
  return findings;
}

function complete(text: string, character: number): LineCompletion[] {
  const split = splitFields(text, 6);
  const { index, word } = fieldAt(split.fields, character);
  if (isCommentOrBlank(text) || index === 0) {
    if (word && word.text.length >= 1 && character > word.start)
      return fromTable(MODIFIERS, "operator").map((item) => ({
        ...item,
        label: `${word.text.slice(0, character - word.start)}${item.label}`,
      }));
    return Object.entries(TYPES).map(([label, info]) => ({ label, kind: "type", detail: info.summary }));
  }
  const column = COLUMNS[Math.min(index, COLUMNS.length - 1)]!;
  if (column === "mode") return ["0755", "0750", "0700", "0644", "0640", "0600", "1777", "-"].map((label) => ({ label, kind: "value" }));
  if (column === "user" || column === "group") return ["root", "-"].map((label) => ({ label, kind: "value" }));
  if (column === "age") return ["-", "10d", "30d", "~10d"].map((label) => ({ label, kind: "value", detail: COLUMN_DOCS.age }));
  return [];
}

function hover(text: string, character: number): LineHover | undefined {
  if (isCommentOrBlank(text)) return undefined;
  const split = splitFields(text, 6);
  const { index, word } = fieldAt(split.fields, character);
  if (index === 0 && word) {
    const type = word.text[0] ?? "";
    const info = TYPES[type];
    if (!info) return undefined;
    const modifiers = [...word.text.slice(1)].filter((m) => m in MODIFIERS).map((m) => `- \`${m}\`: ${MODIFIERS[m]}`);
    const summary = [`**tmpfiles.d type \`${type}\`**: ${info.summary}.`, ...(modifiers.length ? [modifiers.join("\n")] : [])].join("\n\n");
    const term = word.text.includes("+") && TYPES[type] ? `${type}+` : type;
    return { start: word.start, end: word.end, summary, manual: { page: "tmpfiles.d(5)", term } };
  }
  const column = word ? COLUMNS[index] : character >= split.rest && split.fields.length === 6 ? "argument" : undefined;
  if (!column) return undefined;
  const start = word?.start ?? split.rest;
  const end = word?.end ?? text.length;
  return { start, end, summary: `**${column}**: ${COLUMN_DOCS[column]}` };
}

export const tmpfiles: LineFormat = {
  id: "systemd-tmpfiles",
  check(lines) {
    const entries: Entry[] = [];
    const findings = lines.flatMap((text, line) => (isCommentOrBlank(text) ? [] : checkLine(text, line, entries)));
    return [...findings, ...duplicates(entries)];
  },
  complete,
  hover,
  format: (lines) => alignColumns(lines, (line) => rawFields(line, 6)),
};
