/**
 * udev rules: lines of comma-separated `KEY{attribute}OP"value"` pairs, a backslash at the end of a
 * line joining the next, as systemd-udevd reads them.
 */
import type { LineCompletion, LineFinding, LineFormat, LineHover } from "./lineFormat";
import { finding, isCommentOrBlank, quotedText } from "./lines";
import { ignoredField, invalidField, malformedEntry } from "./rules";

type Attribute = "none" | "required" | "optional";

interface Key {
  summary: string;
  attribute: Attribute;
  /** The term the key is listed under in udev(7). */
  term: string;
  /** The operators it takes; == and != match, the others assign. */
  ops: readonly string[];
  /** Operators systemd-udevd reads as "=" with a warning. */
  readAsAssign?: readonly string[];
  /** Attribute values it takes, where they are a closed set. */
  attributes?: readonly string[];
  /** Whether an assignment (or this match) changes something: a rule of matches only takes no effect. */
  acts: boolean;
}

const MATCH = ["==", "!="];
const key = (summary: string, term: string, ops: readonly string[], more: Partial<Key> = {}): Key => ({
  summary,
  term,
  ops,
  attribute: "none",
  acts: ops.some((op) => !MATCH.includes(op)),
  ...more,
});
const ANY_ASSIGN = ["=", "+=", ":="];

const KEYS: Readonly<Record<string, Key>> = {
  ACTION: key("the event's action: add, remove, change, move, online, offline, bind, unbind", "ACTION", MATCH),
  DEVPATH: key("the device's path under /sys", "DEVPATH", MATCH),
  KERNEL: key("the device's kernel name", "KERNEL", MATCH),
  KERNELS: key("the kernel name of the device or one of its parents", "KERNELS", MATCH),
  NAME: key("the network interface's name (matched, or set with =)", "NAME", [...MATCH, "=", ":="], { readAsAssign: ["+="] }),
  SYMLINK: key("the symlinks to the device node (matched, or added with +=)", "SYMLINK", [...MATCH, ...ANY_ASSIGN]),
  SUBSYSTEM: key("the device's subsystem", "SUBSYSTEM", MATCH),
  SUBSYSTEMS: key("the subsystem of the device or one of its parents", "SUBSYSTEMS", MATCH),
  DRIVER: key("the device's driver", "DRIVER", MATCH),
  DRIVERS: key("the driver of the device or one of its parents", "DRIVERS", MATCH),
  ATTR: key("a sysfs attribute of the device (matched, or written with =)", "ATTR{filename}", [...MATCH, "="], {
    attribute: "required",
    readAsAssign: ["+=", ":="],
  }),
  ATTRS: key("a sysfs attribute of the device or one of its parents", "ATTRS{filename}", MATCH, { attribute: "required" }),
  SYSCTL: key("a kernel parameter (matched, or written with =)", "SYSCTL{kernel parameter}", [...MATCH, "="], {
    attribute: "required",
    readAsAssign: ["+=", ":="],
  }),
  ENV: key("a device property (matched, or set)", "ENV{key}", [...MATCH, "=", "+="], { attribute: "required", readAsAssign: [":="] }),
  CONST: key("a fact of the system: arch or virt", "CONST{key}", MATCH, { attribute: "required", attributes: ["arch", "virt"] }),
  TAG: key("a tag of the device (matched, or added)", "TAG", [...MATCH, "=", "+=", "-="], { readAsAssign: [":="] }),
  TAGS: key("a tag of the device or one of its parents", "TAGS", MATCH),
  TEST: key("whether a file exists (with an octal mode mask in the attribute)", "TEST{octal mode mask}", MATCH, { attribute: "optional" }),
  PROGRAM: key("run a program; matches when it succeeds, its output in RESULT", "PROGRAM", [...MATCH, ...ANY_ASSIGN], { acts: true }),
  RESULT: key("the output of the last PROGRAM", "RESULT", MATCH),
  OWNER: key("the device node's owner", "OWNER", ["=", ":="], { readAsAssign: ["+="] }),
  GROUP: key("the device node's group", "GROUP", ["=", ":="], { readAsAssign: ["+="] }),
  MODE: key("the device node's access mode", "MODE", ["=", ":="], { readAsAssign: ["+="] }),
  SECLABEL: key("a security label for the device node", "SECLABEL{module}", ["=", "+="], { attribute: "required", readAsAssign: [":="] }),
  RUN: key("a program (or builtin) to run after the rules", "RUN{type}", ANY_ASSIGN, {
    attribute: "optional",
    attributes: ["program", "builtin"],
  }),
  LABEL: key("a place GOTO can jump to", "LABEL", ["="]),
  GOTO: key("jump to the LABEL of this name further down the file", "GOTO", ["="]),
  IMPORT: key(
    "import device properties from a program, builtin, file, the database, the kernel command line or the parent",
    "IMPORT{type}",
    [...MATCH, ...ANY_ASSIGN],
    {
      attribute: "required",
      attributes: ["program", "builtin", "file", "db", "cmdline", "parent"],
      acts: true,
    },
  ),
  OPTIONS: key(
    "rule and device options: link_priority=, string_escape=, static_node=, watch, nowatch, db_persist, log_level=",
    "OPTIONS",
    ANY_ASSIGN,
  ),
};

/** The values OPTIONS takes: systemd-udevd ignores others with a warning. */
const OPTIONS =
  /^(string_escape=(none|replace)|db_persist|watch|nowatch|static_node=.+|link_priority=-?\d+|log_level=(reset|emerg|alert|crit|err|warning|notice|info|debug|[0-7]))$/;

/** Properties an ENV{} assignment may not set. */
const RESERVED_ENV = new Set([
  "ACTION",
  "DEVLINKS",
  "DEVNAME",
  "DEVPATH",
  "DEVTYPE",
  "DRIVER",
  "IFINDEX",
  "MAJOR",
  "MINOR",
  "SEQNUM",
  "SUBSYSTEM",
  "TAGS",
]);

const SUBSTITUTIONS: Readonly<Record<string, string>> = {
  kernel: "the kernel name",
  number: "the kernel number",
  devpath: "the device path",
  id: "the name of the device matched by KERNELS and friends",
  driver: "the driver of the device matched by DRIVERS",
  attr: "a sysfs attribute's value",
  env: "a property's value",
  major: "the major number",
  minor: "the minor number",
  result: "the output of PROGRAM",
  parent: "the parent's node name",
  name: "the device's node or interface name",
  links: "its symlinks",
  root: "/dev",
  sys: "/sys",
  devnode: "the device node's path",
};
const PERCENT: Readonly<Record<string, string>> = {
  k: "kernel",
  n: "number",
  p: "devpath",
  b: "id",
  s: "attr",
  E: "env",
  M: "major",
  m: "minor",
  c: "result",
  P: "parent",
  r: "root",
  S: "sys",
  N: "devnode",
};

export interface Pair {
  key: string;
  keyStart: number;
  attribute?: string;
  op: string;
  opStart: number;
  value: string;
  valueStart: number;
  end: number;
}

/** The key-value pairs of a (joined) rule line, or where it stops being readable. */
export function readPairs(text: string): { pairs: Pair[]; error?: { start: number; message: string } } {
  const pairs: Pair[] = [];
  let i = 0;
  for (;;) {
    while (i < text.length && /[\s,]/.test(text[i]!)) i++;
    if (i >= text.length) return { pairs };
    const keyStart = i;
    const key = /^[A-Za-z0-9_]*/.exec(text.slice(i))![0];
    i += key.length;
    let attribute: string | undefined;
    if (text[i] === "{") {
      const close = text.indexOf("}", i);
      if (close < 0) return { pairs, error: { start: i, message: "The { opened here is never closed." } };
      attribute = text.slice(i + 1, close);
      i = close + 1;
    }
    while (text[i] === " " || text[i] === "\t") i++;
    const op = /^(==|!=|\+=|-=|:=|=)/.exec(text.slice(i))?.[0];
    if (!key || !op)
      return { pairs, error: { start: keyStart, message: "Expected KEY, an operator (== != = += -= :=) and a quoted value here." } };
    const opStart = i;
    i += op.length;
    while (text[i] === " " || text[i] === "\t") i++;
    if (text[i] === "e" && text[i + 1] === '"') i++;
    if (text[i] !== '"') return { pairs, error: { start: i, message: 'A value is written in double quotes: KEY=="value".' } };
    const valueStart = i + 1;
    let value = "";
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\" && i + 1 < text.length) {
        value += text[i + 1];
        i += 2;
      } else value += text[i++];
    }
    if (i >= text.length) return { pairs, error: { start: valueStart - 1, message: "The quote opened here is never closed." } };
    i++;
    pairs.push({ key, keyStart, ...(attribute !== undefined && { attribute }), op, opStart, value, valueStart, end: i });
  }
}

/** The rule lines of a file: each starting line, its joined text, and the text's column on that line. */
function ruleLines(lines: readonly string[]): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  for (let line = 0; line < lines.length; line++) {
    if (isCommentOrBlank(lines[line]!)) continue;
    const start = line;
    let text = lines[line]!;
    // A backslash at the end joins the next line; the joined text keeps the first line's columns.
    while (text.endsWith("\\") && line + 1 < lines.length) text = text.slice(0, -1) + " " + lines[++line]!;
    out.push({ line: start, text });
  }
  return out;
}

function unknownSubstitution(value: string): { at: number; text: string } | undefined {
  for (const m of value.matchAll(/\$(\$|[a-z]+)|%(.)/g)) {
    const name = m[1] ?? PERCENT[m[2]!] ?? (m[2] === "%" ? "%" : undefined);
    if (name === "$" || name === "%") continue;
    if (!name || !(name in SUBSTITUTIONS)) return { at: m.index!, text: m[0] };
  }
  return undefined;
}

function checkPair(pair: Pair, line: number): LineFinding | undefined {
  const spec = KEYS[pair.key];
  const keyEnd = pair.keyStart + pair.key.length + (pair.attribute !== undefined ? pair.attribute.length + 2 : 0);
  const onKey = (message: string) => finding(invalidField, line, pair.keyStart, keyEnd, message);
  const onValue = (rule: typeof invalidField, message: string) =>
    finding(rule, line, pair.valueStart, pair.valueStart + pair.value.length, message);
  if (!spec) return onKey(`systemd-udevd knows no key ${quotedText(pair.key)}; it ignores the whole rule.`);
  if (spec.attribute === "none" && pair.attribute !== undefined)
    return onKey(`${pair.key} takes no {attribute}; systemd-udevd ignores the rule.`);
  if (spec.attribute === "required" && !pair.attribute) return onKey(`${pair.key} needs an {attribute}; systemd-udevd ignores the rule.`);
  if (spec.attributes && pair.attribute && !spec.attributes.includes(pair.attribute))
    return onKey(`${pair.key}{} takes ${spec.attributes.join(", ")}, not ${quotedText(pair.attribute)}; systemd-udevd ignores the rule.`);
  const opEnd = pair.opStart + pair.op.length;
  if (spec.readAsAssign?.includes(pair.op))
    return finding(
      ignoredField,
      line,
      pair.opStart,
      opEnd,
      `${pair.key} takes ${spec.ops.join(" ")}; systemd-udevd reads ${pair.op} as =.`,
    );
  if (!spec.ops.includes(pair.op))
    return finding(invalidField, line, pair.opStart, opEnd, `${pair.key} does not take ${pair.op}; systemd-udevd ignores the rule.`);
  const assigns = !MATCH.includes(pair.op);
  if (pair.key === "ENV" && assigns && RESERVED_ENV.has(pair.attribute!))
    return onKey(`ENV{${pair.attribute}} cannot be set; systemd-udevd ignores the rule.`);
  if (pair.key === "NAME" && assigns && (pair.value === "%k" || pair.value === ""))
    return onValue(invalidField, `NAME="${pair.value}" would take no effect; systemd-udevd ignores the rule.`);
  if (pair.key === "OPTIONS" && !OPTIONS.test(pair.value))
    return onValue(ignoredField, `systemd-udevd ignores the OPTIONS value ${quotedText(pair.value)}.`);
  const substitution = unknownSubstitution(pair.value);
  if (substitution)
    return finding(
      invalidField,
      line,
      pair.valueStart + substitution.at,
      pair.valueStart + substitution.at + substitution.text.length,
      `${quotedText(substitution.text)} is no substitution systemd-udevd knows (write $$ or %% for a literal one).`,
    );
  return undefined;
}

function check(lines: readonly string[]): LineFinding[] {
  const findings: LineFinding[] = [];
  const labels = new Map<string, number>();
  const gotos: { target: string; line: number; start: number; end: number }[] = [];
  for (const { line, text } of ruleLines(lines)) {
    const { pairs, error } = readPairs(text);
    if (error) {
      findings.push(
        finding(
          malformedEntry,
          line,
          error.start,
          Math.min(text.length, lines[line]!.length),
          `${error.message} systemd-udevd ignores the rule.`,
        ),
      );
      continue;
    }
    const problem = pairs.map((pair) => checkPair(pair, line)).find(Boolean);
    if (problem) {
      findings.push(problem);
      continue;
    }
    for (const pair of pairs) {
      if (pair.key === "LABEL") labels.set(pair.value, line);
      if (pair.key === "GOTO") gotos.push({ target: pair.value, line, start: pair.valueStart, end: pair.valueStart + pair.value.length });
    }
    if (
      pairs.length > 0 &&
      !pairs.some((pair) => KEYS[pair.key]!.acts && (!MATCH.includes(pair.op) || pair.key === "PROGRAM" || pair.key === "IMPORT"))
    )
      findings.push(
        finding(
          ignoredField,
          line,
          0,
          text.trimEnd().length,
          "A rule that only matches does nothing: add an assignment (=, +=) or remove it.",
        ),
      );
  }
  for (const go of gotos) {
    const label = labels.get(go.target);
    if (label === undefined || label < go.line)
      findings.push(
        finding(invalidField, go.line, go.start, go.end, `No LABEL="${go.target}" follows in this file; systemd-udevd ignores the GOTO.`),
      );
  }
  return findings;
}

function complete(text: string, character: number): LineCompletion[] {
  const before = text.slice(0, character);
  const inValue = (before.match(/"/g)?.length ?? 0) % 2 === 1;
  if (inValue) {
    if (/\$\w*$/.test(before)) return Object.entries(SUBSTITUTIONS).map(([name, detail]) => ({ label: `$${name}`, kind: "value", detail }));
    const key = /([A-Z]+)(?:\{[^}]*\})?\s*(?:==|!=)\s*"[^"]*$/.exec(before)?.[1];
    if (key === "ACTION")
      return ["add", "remove", "change", "move", "bind", "unbind", "online", "offline"].map((label) => ({ label, kind: "value" }));
    return [];
  }
  const attribute = /([A-Z]+)\{[^}]*$/.exec(before)?.[1];
  if (attribute && KEYS[attribute]?.attributes) return KEYS[attribute]!.attributes!.map((label) => ({ label, kind: "value" }));
  if (/[A-Z}]$/.test(before.trimEnd()) && /[A-Z]+(\{[^}]*\})?$/.test(before)) {
    const key = /([A-Z]+)(\{[^}]*\})?$/.exec(before)![1]!;
    const spec = KEYS[key];
    if (spec && /(\}|[A-Z])$/.test(before) && (before.endsWith("}") || spec.attribute !== "required")) {
      return spec.ops.map((op) => ({
        label: op,
        kind: "operator",
        insertText: `${key}${before.endsWith("}") ? /\{[^}]*\}$/.exec(before)![0] : ""}${op}""`,
      }));
    }
  }
  return Object.entries(KEYS).map(([label, spec]) => ({
    label,
    kind: "key",
    detail: spec.summary,
    insertText: spec.attribute === "required" ? `${label}{}` : label,
  }));
}

function hover(text: string, character: number): LineHover | undefined {
  if (isCommentOrBlank(text)) return undefined;
  const { pairs } = readPairs(text);
  for (const pair of pairs) {
    const keyEnd = pair.keyStart + pair.key.length + (pair.attribute !== undefined ? pair.attribute.length + 2 : 0);
    const spec = KEYS[pair.key];
    if (spec && character >= pair.keyStart && character <= keyEnd) {
      const matches = spec.ops.some((op) => MATCH.includes(op));
      const kind = !spec.acts ? "match key" : matches ? "match or assignment key" : "assignment key";
      return {
        start: pair.keyStart,
        end: keyEnd,
        summary: `**udev ${kind} \`${pair.key}\`**: ${spec.summary}.`,
        manual: { page: "udev(7)", term: spec.term },
      };
    }
    if (character >= pair.valueStart && character < pair.end) {
      for (const m of pair.value.matchAll(/\$(\$|[a-z]+)(\{[^}]*\})?|%(.)(\{[^}]*\})?/g)) {
        const start = pair.valueStart + m.index!;
        if (character < start || character > start + m[0].length) continue;
        const name = m[1] ?? PERCENT[m[3]!];
        const summary = name && SUBSTITUTIONS[name];
        if (summary) return { start, end: start + m[0].length, summary: `**Substitution \`${m[0]}\`**: ${summary}.` };
      }
    }
  }
  return undefined;
}

export const udevRules: LineFormat = {
  id: "udev-rules",
  check,
  complete,
  hover,
};
