import type { EntryNode, Section, UnitFile } from "../../src/language/parser";
import type { FileSchema } from "../../src/language/schema/fileSchema";
import { isAddressFamily } from "../../src/language/values/addressFamilies";
import { isExitStatusOrSignal } from "../../src/language/values/exitStatus";
import { parseErrno } from "../../src/language/values/syscallFilter";
import type { Random } from "./random";

/** The classes for value kinds few units use: their mutants are drawn from every installed unit, not a sample. */
const RARE = [
  "bad exec directory",
  "bad address family",
  "bad exit status",
  "bad socket address",
  "bad error number",
  "unknown specifier",
] as const;

export const FAULT_CLASSES = [
  "misspelled directive",
  "invalid enum value",
  "bad time span",
  "bad boolean",
  "misplaced directive",
  "unknown section",
  "bad unit name",
  "relative path",
  ...RARE,
] as const;

export const RARE_CLASSES: ReadonlySet<FaultClass> = new Set(RARE);

export type FaultClass = (typeof FAULT_CLASSES)[number];

/** A unit file as read from disk, with what is known about it. */
export interface Source {
  path: string;
  text: string;
  file: UnitFile;
  schema: FileSchema;
  /** The unit type's own section: Service, Socket, Timer, ... */
  typeSection: string;
}

/** A copy of a unit file with one fault in it. */
export interface Mutant {
  faultClass: FaultClass;
  source: Source;
  text: string;
  /** 0-based line of the fault in `text`. */
  line: number;
  description: string;
}

type Fault = Omit<Mutant, "faultClass" | "source">;

/** A typo: a dropped, doubled or swapped character (never the first one), or a letter in the wrong case. */
export function misspell(word: string, random: Random): string {
  const at = 1 + random.below(Math.max(word.length - 2, 1));
  switch (random.below(4)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word[at] + word.slice(at);
    case 2:
      return word[at + 1] === undefined ? word + "e" : word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    default: {
      const c = word[at] ?? "";
      const flipped = c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
      return word.slice(0, at) + flipped + word.slice(at + 1);
    }
  }
}

const lineOf = (source: Source, offset: number) => source.file.lines.positionAt(offset).line;

function replaceSpan(source: Source, start: number, end: number, replacement: string, description: string): Fault {
  return { text: source.text.slice(0, start) + replacement + source.text.slice(end), line: lineOf(source, start), description };
}

function entriesOf(source: Source, keep: (entry: EntryNode, section: Section) => boolean): EntryNode[] {
  return source.file.sections.flatMap((section) =>
    section.entries.filter((entry) => entry.lineCount === 1 && !entry.value.includes("%") && keep(entry, section)),
  );
}

const kindOf = (source: Source, entry: EntryNode, section: Section) => source.schema.directive(section.name, entry.key)?.value;

/** Inserts `line` right after the header of `section`. */
function insertAfterHeader(source: Source, section: string, line: string, description: string): Fault | undefined {
  const target = source.file.sections.find((s) => s.name === section);
  if (!target) return undefined;
  const lines = source.text.split("\n");
  const at = lineOf(source, target.header.start) + 1;
  lines.splice(at, 0, line);
  return { text: lines.join("\n"), line: at, description };
}

function misspelledDirective(source: Source, random: Random): Fault | undefined {
  const entry = random.pick(entriesOf(source, (e, s) => source.schema.directive(s.name, e.key) !== undefined));
  if (!entry) return undefined;
  const key = misspell(entry.key, random);
  if (key.startsWith("X-") || source.schema.sectionsOf(key).length > 0) return undefined;
  return replaceSpan(source, entry.keySpan.start, entry.keySpan.end, key, `${entry.key}= → ${key}=`);
}

function invalidEnum(source: Source, random: Random): Fault | undefined {
  const entry = random.pick(
    entriesOf(source, (e, s) => {
      const spec = kindOf(source, e, s);
      return spec?.kind === "enum" && !spec.multiple && !spec.prefixes && spec.values.includes(e.value);
    }),
  );
  if (!entry) return undefined;
  const value = misspell(entry.value, random);
  const spec = kindOf(
    source,
    entry,
    source.file.sections.find((s) => s.entries.includes(entry))!,
  );
  if (spec?.kind !== "enum" || spec.values.includes(value) || /^\d+$/.test(value)) return undefined;
  if (spec.acceptsBoolean && /^(1|yes|y|true|t|on|0|no|n|false|f|off)$/i.test(value)) return undefined;
  return replaceSpan(source, entry.valueSpan.start, entry.valueSpan.end, value, `${entry.key}=${entry.value} → ${value}`);
}

const BAD_TIME_SPANS = ["5 minuts", "3 parsecs", "fortnight", "-5s", "1.5.2s", "10 sex", "2hours 30mins"];
const BAD_BOOLEANS = ["yess", "maybe", "2", "enabled", "tru", "nope", "of"];

/** Replaces the value of a directive of `kind`, or adds `fallback` to [Unit] when the file has none. */
function badValue(source: Source, random: Random, kind: string, values: readonly string[], fallback: string): Fault | undefined {
  const value = random.pick(values)!;
  const entry = random.pick(entriesOf(source, (e, s) => kindOf(source, e, s)?.kind === kind));
  if (!entry) return insertAfterHeader(source, "Unit", `${fallback}=${value}`, `added ${fallback}=${value}`);
  return replaceSpan(source, entry.valueSpan.start, entry.valueSpan.end, value, `${entry.key}=${entry.value} → ${value}`);
}

// Directives whose absence would change what else is wrong with the unit.
const ESSENTIAL = /^(Exec|Listen|What$|Where$|On[A-Z]|Path[A-Z]|DirectoryNotEmpty$|Unit$|Type$|BusName$|Service$|Accept$)/;

function misplacedDirective(source: Source, random: Random): Fault | undefined {
  const [from, to] = random.below(2) === 0 ? [source.typeSection, "Unit"] : ["Unit", source.typeSection];
  const entry = random.pick(
    entriesOf(
      source,
      (e, s) => s.name === from && !ESSENTIAL.test(e.key) && !!source.schema.directive(from, e.key) && !source.schema.directive(to, e.key),
    ),
  );
  const target = source.file.sections.find((s) => s.name === to);
  if (!entry || !target) return undefined;
  const lines = source.text.split("\n");
  const removed = lineOf(source, entry.start);
  const [moved] = lines.splice(removed, 1);
  const header = lineOf(source, target.header.start);
  const at = header < removed ? header + 1 : header;
  lines.splice(at, 0, moved!);
  return { text: lines.join("\n"), line: at, description: `${entry.key}= moved from [${from}] to [${to}]` };
}

function unknownSection(source: Source, random: Random): Fault | undefined {
  const section = random.pick(source.file.sections.filter((s) => s.name !== source.typeSection && source.schema.sections.includes(s.name)));
  if (!section) return undefined;
  const name = misspell(section.name, random);
  if (source.schema.sections.includes(name) || name.startsWith("X-")) return undefined;
  return replaceSpan(source, section.header.nameSpan.start, section.header.nameSpan.end, name, `[${section.name}] → [${name}]`);
}

function badUnitName(source: Source, random: Random): Fault | undefined {
  const entry = random.pick(entriesOf(source, (e, s) => s.name === "Unit" && ["After", "Wants", "Requires"].includes(e.key)));
  const word = entry && random.pick([...entry.value.matchAll(/\S+/g)]);
  if (!entry || !word) return undefined;
  const dot = word[0].lastIndexOf(".");
  const bad = [dot > 0 ? word[0].slice(0, dot) : `${word[0]}.`, `${word[0].slice(0, -1)}`, word[0].replace(/^(.)/, "$1$"), `${word[0]}/x`][
    random.below(4)
  ]!;
  const start = entry.valueSpan.start + word.index!;
  return replaceSpan(source, start, start + word[0].length, bad, `${entry.key}=: ${word[0]} → ${bad}`);
}

const PATH_KINDS = new Set(["exec", "path", "pathList", "environmentFile", "condition"]);

function relativePath(source: Source, random: Random): Fault | undefined {
  const entry = random.pick(
    entriesOf(source, (e, s) => {
      const spec = kindOf(source, e, s);
      if (!spec || !PATH_KINDS.has(spec.kind) || (spec.kind === "condition" && spec.argument !== "path")) return false;
      const at = /^[-@:+!|~ ]*/.exec(e.value)![0].length;
      const first = e.value.slice(at).split(/\s/)[0]!;
      // A bare program name is fine for Exec*=, so the path must keep a "/" once the first one is gone.
      return first.startsWith("/") && (spec.kind !== "exec" || first.slice(1).includes("/"));
    }),
  );
  if (!entry) return undefined;
  const at = entry.valueSpan.start + /^[-@:+!|~ ]*/.exec(entry.value)![0].length;
  return replaceSpan(source, at, at + 1, "", `${entry.key}=${entry.value} loses its leading "/"`);
}

/** Replaces one word of the entry's value (words split at whitespace) with `replace(word)`; undefined leaves it. */
function replaceWord(source: Source, entry: EntryNode, random: Random, replace: (word: string) => string | undefined): Fault | undefined {
  const word = random.pick([...entry.value.matchAll(/[^\s]+/g)]);
  const bad = word && replace(word[0]);
  if (!word || bad === undefined || bad === word[0]) return undefined;
  const start = entry.valueSpan.start + word.index!;
  return replaceSpan(source, start, start + word[0].length, bad, `${entry.key}=: ${word[0]} → ${bad}`);
}

const wholeValue = (source: Source, entry: EntryNode, bad: string): Fault =>
  replaceSpan(source, entry.valueSpan.start, entry.valueSpan.end, bad, `${entry.key}=${entry.value} → ${bad}`);

function entryOfKind(
  source: Source,
  random: Random,
  kind: string,
  keep: (entry: EntryNode) => boolean = () => true,
): EntryNode | undefined {
  return random.pick(entriesOf(source, (e, s) => kindOf(source, e, s)?.kind === kind && keep(e)));
}

function badExecDirectory(source: Source, random: Random): Fault | undefined {
  const entry = entryOfKind(source, random, "execDirectory");
  const spec = entry && source.schema.directive(source.typeSection, entry.key)?.value;
  if (!entry || spec?.kind !== "execDirectory") return undefined;
  return replaceWord(source, entry, random, (word) => {
    const name = word.split(":")[0]!;
    return random.below(2) === 0 ? `${spec.base}/${name}` : `../${name}`;
  });
}

function badAddressFamily(source: Source, random: Random): Fault | undefined {
  const entry = entryOfKind(source, random, "addressFamilies", (e) => e.value !== "none");
  if (!entry) return undefined;
  const words = entry.value.replace(/^~/, "").split(/\s+/);
  switch (random.below(3)) {
    case 0:
      return words.length > 1 ? wholeValue(source, entry, `${entry.value.startsWith("~") ? "~" : ""}${words.join(",")}`) : undefined;
    case 1:
      return replaceWord(source, entry, random, (word) => word.replace(/^(~?)AF_/, "$1"));
    default:
      return replaceWord(source, entry, random, (word) => {
        const bad = misspell(word, random);
        return isAddressFamily(bad.replace(/^~/, "")) ? undefined : bad;
      });
  }
}

function badExitStatus(source: Source, random: Random): Fault | undefined {
  const entry = entryOfKind(source, random, "exitStatusList");
  if (!entry) return undefined;
  const words = entry.value.split(/\s+/);
  if (words.length > 1 && random.below(3) === 0) return wholeValue(source, entry, words.join(","));
  return replaceWord(source, entry, random, (word) => {
    if (/^\d+$/.test(word)) return String(256 + Number(word));
    const bad = random.below(2) === 0 ? word.toLowerCase() : `EXIT_${word}`;
    return isExitStatusOrSignal(bad) ? undefined : bad;
  });
}

function badSocketAddress(source: Source, random: Random): Fault | undefined {
  const entry = entryOfKind(source, random, "socketAddress");
  if (!entry) return undefined;
  const value = entry.value;
  if (/^\d+$/.test(value))
    return wholeValue(source, entry, random.pick([`localhost:${value}`, `*:${value}`, String(Number(value) + 65536)])!);
  if (value.startsWith("/"))
    return wholeValue(source, entry, random.pick([value.slice(1), value.slice(value.lastIndexOf("/") + 1), `localhost:${value.length}`])!);
  const port = /:(\d+)$/.exec(value);
  if (port) return wholeValue(source, entry, `localhost:${port[1]}`);
  return undefined;
}

function badErrorNumber(source: Source, random: Random): Fault | undefined {
  const entry = entryOfKind(source, random, "errno", (e) => /^E[A-Z]+$/.test(e.value));
  if (!entry) return undefined;
  const bad = misspell(entry.value, random);
  return parseErrno(bad) === undefined ? wholeValue(source, entry, bad) : undefined;
}

/** Letters no systemd release resolves as a specifier. */
const NO_SPECIFIER = ["e", "F", "k", "K", "O", "Q", "x", "X", "z", "Z"];

function unknownSpecifier(source: Source, random: Random): Fault | undefined {
  const entry = random.pick(
    entriesOf(source, (e, s) => s.name !== "Install" && source.schema.directive(s.name, e.key)?.expandsSpecifiers === true),
  );
  if (!entry) return undefined;
  const bad = `${entry.value}%${random.pick(NO_SPECIFIER)!}`;
  return wholeValue(source, entry, bad);
}

const MAKERS: Record<FaultClass, (source: Source, random: Random) => Fault | undefined> = {
  "misspelled directive": misspelledDirective,
  "invalid enum value": invalidEnum,
  "bad time span": (source, random) => badValue(source, random, "timespan", BAD_TIME_SPANS, "JobTimeoutSec"),
  "bad boolean": (source, random) => badValue(source, random, "boolean", BAD_BOOLEANS, "StopWhenUnneeded"),
  "misplaced directive": misplacedDirective,
  "unknown section": unknownSection,
  "bad unit name": badUnitName,
  "relative path": relativePath,
  "bad exec directory": badExecDirectory,
  "bad address family": badAddressFamily,
  "bad exit status": badExitStatus,
  "bad socket address": badSocketAddress,
  "bad error number": badErrorNumber,
  "unknown specifier": unknownSpecifier,
};

/** One mutant of `source` with a fault of the given class, or undefined when the file offers no place for one. */
export function mutate(source: Source, faultClass: FaultClass, random: Random): Mutant | undefined {
  const fault = MAKERS[faultClass](source, random);
  return fault && fault.text !== source.text ? { faultClass, source, ...fault } : undefined;
}
