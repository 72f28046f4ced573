import type { EntryNode, Span } from "../parser";
import { fileSchemaFor, isConfigFamily, type DirectiveInfo } from "../schema/fileSchema";
import type { ValueSpec } from "../schema/generated/types";
import { schemaData } from "../schema/schemaData";
import { closestMatch } from "../schema/suggest";
import { byteSizeOptions, timeSpanOptions } from "../schema/valueOptions";
import { parseBoolean, checkBoolean } from "../values/boolean";
import { checkAddressFamilies } from "../values/addressFamilies";
import { checkByteSize } from "../values/byteSize";
import { checkCalendar } from "../values/calendar";
import { checkCapabilityList } from "../values/capability";
import { checkCpuSet } from "../values/cpuSet";
import { checkEnvironment } from "../values/environment";
import { checkExecDirectory } from "../values/execDirectory";
import { checkExecLine } from "../values/execLine";
import { checkExitStatusList } from "../values/exitStatus";
import { checkInteger } from "../values/integer";
import { checkIpPrefixes } from "../values/ipPrefix";
import { readCInteger } from "../values/numbers";
import { checkOctalMode } from "../values/octalMode";
import { checkPath } from "../values/path";
import { checkPercent } from "../values/percent";
import { problemAt, quoted, type ValueProblem } from "../values/problem";
import { checkSignal } from "../values/signal";
import { checkNetlinkAddress, checkSocketAddress } from "../values/socketAddress";
import { checkSpecifiers, findSpecifiers, questionableSpecifiers } from "../values/specifiers";
import { checkErrorNumber, checkSyscallFilter } from "../values/syscallFilter";
import { checkTimeSpan } from "../values/timeSpan";
import { checkUnitName, checkUnitNameWithSpecifiers, type UnitType } from "../values/unitName";
import { checkUserGroup } from "../values/userGroup";
import { splitWords, type Word } from "../values/words";
import { checkEachEntry, type EntryChecks, type Finding, type RuleContext, type RuleFamily, type RuleInfo } from "./rule";

export const invalidValue: RuleInfo = {
  id: "invalid-value",
  defaultSeverity: "error",
  description: "A value systemd cannot read for this directive; it ignores the setting (or refuses to load the unit).",
};

export const questionableValue: RuleInfo = {
  id: "questionable-value",
  defaultSeverity: "warning",
  description: "A value systemd reads but probably not as meant: part of it is ignored, or it is silently rewritten.",
};

// Values systemd takes without a word that are almost certainly slips. Warnings, not errors: the
// unit loads and the rest of the line works, so the author may have meant it.

export const unknownCapability: RuleInfo = {
  id: "unknown-capability",
  defaultSeverity: "warning",
  description: "A capability name systemd does not know; it drops the name silently, so the set is not what the line says.",
};

export const literalPercent: RuleInfo = {
  id: "literal-percent",
  defaultSeverity: "warning",
  description: 'A "%" before a character that is no specifier; systemd keeps it as written, where "%%" was likely meant.',
};

export const deprecatedSpecifier: RuleInfo = {
  id: "deprecated-specifier",
  defaultSeverity: "warning",
  description: "%c, %r or %R: cgroup specifiers systemd still expands, logging only that they do not work as intended.",
};

const RULES_BY_ID: Readonly<Record<NonNullable<ValueProblem["rule"]>, RuleInfo>> = {
  "unknown-capability": unknownCapability,
  "literal-percent": literalPercent,
  "deprecated-specifier": deprecatedSpecifier,
};

/** What a check needs to know about where the value sits. */
interface ValueContext {
  info: DirectiveInfo;
  /** The value as written, where the checked one has stand-ins for specifiers (same offsets). */
  original: string;
}

// --- Specifiers -------------------------------------------------------------------------------

const UNIT_LETTERS: ReadonlySet<string> = new Set(schemaData.specifiers.map((s) => s.letter));
const DEPRECATED_LETTERS: ReadonlySet<string> = new Set(schemaData.specifiers.filter((s) => s.deprecated).map((s) => s.letter));
const INSTALL_LETTERS: ReadonlySet<string> = new Set(schemaData.specifiers.filter((s) => s.install).map((s) => s.letter));
/** Specifiers that expand to absolute paths (home, runtime, state, ... directories and the unit's own path). */
const PATH_LETTERS = new Set(["C", "d", "D", "E", "h", "L", "S", "t", "T", "V", "y", "Y"]);

/** [Install] settings are read by systemctl enable, which expands a smaller set of specifiers in all of them. */
const INSTALL_UNIT_LISTS = new Set(["WantedBy", "RequiredBy", "UpheldBy", "Alias", "Also"]);

function specifierLetters(info: DirectiveInfo): ReadonlySet<string> | undefined {
  // networkd and Quadlet's own keys: left alone, as neither is known to expand every key.
  if (info.family !== "unit") return undefined;
  if (info.section === "Install") return INSTALL_LETTERS;
  return info.expandsSpecifiers ? UNIT_LETTERS : undefined;
}

/**
 * The value with every specifier replaced by two stand-in characters, so offsets stay put and the
 * grammars judge the shape systemd sees after expansion: "/a" for a path specifier that starts a
 * path, "aa" for everything else.
 */
function withStandIns(value: string): string {
  let out = "";
  let last = 0;
  for (const s of findSpecifiers(value, { letters: UNIT_LETTERS })) {
    const path = PATH_LETTERS.has(s.letter) && value[s.start - 1] !== "/";
    out += value.slice(last, s.start) + (path ? "/a" : "aa");
    last = s.end;
  }
  return out + value.slice(last);
}

// --- Checks of one kind each -------------------------------------------------------------------

const shift = (problems: readonly ValueProblem[], by: number): ValueProblem[] =>
  problems.map((p) => ({ ...p, start: p.start + by, end: p.end + by }));

/** Runs `check` on every whitespace-separated word (quotes removed), with offsets into the whole value. */
function eachWord(value: string, check: (word: Word) => ValueProblem[]): ValueProblem[] {
  const split = splitWords(value, { unquote: true });
  const problems = split.words.flatMap((word) =>
    // Quoted words have no simple offset mapping; judge them whole.
    check(word).map((p) => (value.slice(word.start, word.end) === word.text ? p : { ...p, start: word.start, end: word.end })),
  );
  return split.problem ? [...problems, split.problem] : problems;
}

const inWord = (word: Word, problems: readonly ValueProblem[]) => shift(problems, word.start);

/** The closest valid word first, then others that start alike: what a quick fix offers. */
function suggestionsFor(word: string, values: readonly string[]): { closest: string | undefined; suggestions: string[] } {
  const closest = closestMatch(word, values);
  const initial = word[0]?.toLowerCase();
  const alike = values.filter((v) => v !== closest && v[0]?.toLowerCase() === initial);
  return { closest, suggestions: [...(closest ? [closest] : []), ...alike].slice(0, 5) };
}

function listed(values: readonly string[]): string {
  const shown = values.slice(0, 10).map((v) => `"${v}"`);
  return values.length > 10 ? `${shown.join(", ")}, ...` : shown.join(", ");
}

/** `whole`: the word is the whole value, so systemd drops the setting rather than one word of it. */
function enumWordProblem(word: string, start: number, values: readonly string[], withBoolean: boolean, whole: boolean): ValueProblem {
  const { closest, suggestions } = suggestionsFor(word, values);
  const booleans = withBoolean ? ' (or "yes"/"no")' : "";
  const ignored = whole ? "so systemd ignores the setting" : "so systemd ignores it";
  const hint = closest ? ` Did you mean "${closest}"?` : "";
  return {
    ...problemAt(
      start,
      start + word.length,
      `Expected one of ${listed(values)}${booleans}; ${quoted(word)} is not one, ${ignored}.${hint}`,
    ),
    suggestions,
  };
}

/** The argument of StandardOutput=file:/path and the like (its specifiers already stood in for). */
function prefixArgumentProblems(prefix: string, argument: string, at: number): ValueProblem[] {
  if (!["file:", "append:", "truncate:"].includes(prefix)) return [];
  return shift(checkPath(argument), at);
}

function checkEnum(value: string, spec: Extract<ValueSpec, { kind: "enum" }>): ValueProblem[] {
  if (spec.acceptsBoolean && parseBoolean(value).ok) return [];
  if (spec.numbers !== undefined && /^\d+$/.test(value) && Number(value) <= spec.numbers) return [];
  for (const prefix of spec.prefixes ?? []) {
    if (value.startsWith(prefix)) return prefixArgumentProblems(prefix, value.slice(prefix.length), prefix.length);
    // A bare "fd" or "file" is read with its default argument.
    if (value === prefix.slice(0, -1)) return [];
  }
  if (!spec.multiple)
    return spec.values.includes(value) ? [] : [enumWordProblem(value, 0, spec.values, spec.acceptsBoolean === true, true)];
  return eachWord(value, (word) =>
    spec.values.includes(word.text) ? [] : [enumWordProblem(word.text, word.start, spec.values, false, false)],
  );
}

function checkIntegerSpec(value: string, spec: Extract<ValueSpec, { kind: "integer" }>): ValueProblem[] {
  if (spec.keywords?.includes(value)) return [];
  if (spec.percent && value.endsWith("%")) return checkPercent(value, { kind: "permyriad" });
  const problems = checkInteger(value, {
    ...(spec.min !== undefined && { min: spec.min }),
    ...(spec.max !== undefined && { max: spec.max }),
  });
  const keywords = spec.keywords?.length ? ` (or ${spec.keywords.map((k) => `"${k}"`).join(", ")})` : "";
  return keywords ? problems.map((p) => ({ ...p, message: p.message.replace(/;/, `${keywords};`) })) : problems;
}

/** Unit names; of a name built from specifiers ("%N.socket", "foo@%i.service"), what expansion leaves as written. */
function checkUnitList(value: string, types: readonly string[] | undefined, original: string): ValueProblem[] {
  const options = types ? { types: types as UnitType[] } : {};
  return eachWord(value, (word) => {
    const written = original.slice(word.start, word.end);
    if (!written.includes("%")) return inWord(word, checkUnitName(word.text, options));
    // A path specifier stands in as "/a", which no unit name holds.
    if (findSpecifiers(written).some((s) => PATH_LETTERS.has(s.letter))) return [];
    return inWord(word, checkUnitNameWithSpecifiers(word.text, written, UNIT_LETTERS, options));
  });
}

/** ReadWritePaths= and its kin: absolute paths, each with optional "-" (ignore if missing) and "+" (relative to the root) prefixes. */
function checkNamespacePath(word: string): ValueProblem[] {
  const prefix = /^[-+]*/.exec(word)![0];
  if (prefix.length > 2 || new Set(prefix).size < prefix.length) {
    return [problemAt(0, prefix.length, `Expected at most one "-" and one "+" before the path; ${quoted(prefix)} repeats one.`)];
  }
  return shift(checkPath(word.slice(prefix.length)), prefix.length);
}

function checkPathSpec(value: string, spec: Extract<ValueSpec, { kind: "path" }>): ValueProblem[] {
  const start = spec.optional && value.startsWith("-") ? 1 : 0;
  if (spec.home && value.slice(start) === "~") return [];
  return shift(checkPath(value.slice(start)), start);
}

/** A condition's "|" (trigger) and "!" (negation) prefixes, in that order, then its argument. */
function checkCondition(value: string, argument: "path" | "string"): ValueProblem[] {
  const start = /^\|?[ \t]*!?[ \t]*/.exec(value)![0].length;
  if (argument !== "path" || start === value.length) return [];
  return shift(checkPath(value.slice(start)), start);
}

const DOCUMENTATION_URL = /^(https?:\/\/.|file:\/|info:.|man:.)/;

function checkDocumentation(value: string): ValueProblem[] {
  return eachWord(value, (word) =>
    DOCUMENTATION_URL.test(word.text) && /^[\x20-\x7e]*$/.test(word.text)
      ? []
      : [
          problemAt(
            word.start,
            word.end,
            `Expected a documentation URL such as "man:systemd.service(5)" or "https://example.com/docs" (http, https, file, info or man); systemd ignores ${quoted(word.text)}.`,
          ),
        ],
  );
}

/** Architectures seccomp knows (SystemCallArchitectures=). */
const SECCOMP_ARCHITECTURES = new Set([
  "native",
  "x86",
  "x86-64",
  "x32",
  "arm",
  "arm64",
  "loongarch64",
  "mips",
  "mips64",
  "mips64-n32",
  "mips-le",
  "mips64-le",
  "mips64-le-n32",
  "parisc",
  "parisc64",
  "ppc",
  "ppc64",
  "ppc64-le",
  "riscv64",
  "s390",
  "s390x",
]);

function checkArchitectures(value: string): ValueProblem[] {
  return eachWord(value, (word) =>
    SECCOMP_ARCHITECTURES.has(word.text) ? [] : [enumWordProblem(word.text, word.start, [...SECCOMP_ARCHITECTURES], false, false)],
  );
}

/** Resource limits counted in seconds, microseconds, bytes, or plain numbers (the rest). */
const RLIMIT_UNITS: Readonly<Record<string, "sec" | "usec" | "bytes" | "nice">> = {
  LimitCPU: "sec",
  LimitRTTIME: "usec",
  LimitFSIZE: "bytes",
  LimitDATA: "bytes",
  LimitSTACK: "bytes",
  LimitCORE: "bytes",
  LimitRSS: "bytes",
  LimitAS: "bytes",
  LimitMEMLOCK: "bytes",
  LimitMSGQUEUE: "bytes",
  LimitNICE: "nice",
};

function checkLimitPart(part: string, name: string): ValueProblem[] {
  if (part === "infinity") return [];
  switch (RLIMIT_UNITS[name]) {
    case "sec":
      return checkTimeSpan(part);
    case "usec":
      return checkTimeSpan(part, { defaultUnit: 1n });
    case "bytes":
      return checkByteSize(part);
    case "nice": {
      const n = readCInteger(part, 10);
      return n && n.value <= 40n
        ? []
        : [problemAt(0, part.length, `Expected a nice level from -20 to 19 (or +0 to +40); ${quoted(part)} is not one.`)];
    }
    default: {
      const n = readCInteger(part, 10);
      return n && !n.negative
        ? []
        : [problemAt(0, part.length, `Expected a number such as "1024" or "infinity"; ${quoted(part)} is not one.`)];
    }
  }
}

/** LimitNOFILE=1024:524288: a soft and an optional hard limit. */
function checkLimit(value: string, name: string): ValueProblem[] {
  const colon = value.indexOf(":");
  if (colon < 0) return checkLimitPart(value, name);
  return [...checkLimitPart(value.slice(0, colon), name), ...shift(checkLimitPart(value.slice(colon + 1), name), colon + 1)];
}

// --- Dispatch -----------------------------------------------------------------------------------

/** The grammar for the value (with specifiers already stood in for), by the directive's value kind. */
function checkByKind(value: string, context: ValueContext): ValueProblem[] {
  const { info } = context;
  const spec = info.value;
  switch (spec.kind) {
    case "boolean":
    case "tristate":
      return checkBoolean(value);
    case "timespan":
      // systemd reads "infinity" wherever it reads a time span.
      return checkTimeSpan(value, { ...timeSpanOptions(spec), allowInfinity: true });
    case "bytes":
      if (spec.acceptsBoolean && parseBoolean(value).ok) return [];
      return checkByteSize(value, byteSizeOptions(spec));
    case "percent":
      return checkPercent(value, { kind: "permyriad", unbounded: spec.unbounded === true });
    case "permille":
      return checkPercent(value, { kind: "permille" });
    case "integer":
      return checkIntegerSpec(value, spec);
    case "enum":
      return checkEnum(value, spec);
    case "unit":
    case "unitList":
      return checkUnitList(value, spec.unitTypes, context.original);
    case "exec":
      return checkExecLine(value);
    case "path":
      return checkPathSpec(value, spec);
    case "pathList":
      if (spec.markers) return eachWord(value, (word) => inWord(word, checkNamespacePath(word.text)));
      return eachWord(value, (word) => inWord(word, checkPath(word.text)));
    case "environment":
      return checkEnvironment(value);
    case "environmentFile":
      return checkPath(value, { allowOptionalPrefix: true });
    case "user":
      return checkUserGroup(value, { what: "user" });
    case "group":
      if (spec.multiple) return eachWord(value, (word) => inWord(word, checkUserGroup(word.text, { what: "group" })));
      return checkUserGroup(value, { what: "group" });
    case "capabilities":
      return checkCapabilityList(value);
    case "syscallFilter":
      return checkSyscallFilter(value, { allowErrno: value.startsWith("~") && spec.errno === true });
    case "syscallArchitectures":
      return checkArchitectures(value);
    case "signal":
      return checkSignal(value);
    case "mode":
      return checkOctalMode(value);
    case "cpuSet":
      if (spec.keywords?.includes(value)) return [];
      return checkCpuSet(value);
    case "ipPrefixList":
      return checkIpPrefixes(value);
    case "calendar":
      return checkCalendar(value);
    case "condition":
      return checkCondition(value, spec.argument);
    case "documentation":
      return checkDocumentation(value);
    case "rlimit":
      return checkLimit(value, info.name);
    case "execDirectory": {
      const options = { base: spec.base, target: spec.target === true };
      return eachWord(value, (word) => inWord(word, checkExecDirectory(word.text, context.original.slice(word.start, word.end), options)));
    }
    case "addressFamilies":
      return checkAddressFamilies(value);
    case "exitStatusList":
      return checkExitStatusList(value);
    case "socketAddress":
      return checkSocketAddress(value, context.original);
    case "netlinkAddress":
      return checkNetlinkAddress(value);
    case "errno":
      return checkErrorNumber(value);
    case "stringList":
      return info.section === "Install" && INSTALL_UNIT_LISTS.has(info.name) ? checkUnitList(value, undefined, context.original) : [];
    default:
      return [];
  }
}

/** Kinds whose grammar systemd's networkd parsers share with unit files; the rest are not judged there. */
const NETWORKD_KINDS = new Set<ValueSpec["kind"]>(["boolean", "tristate", "timespan"]);
/** The daemons' configuration files read these with the same conf-parser.c functions as unit files. */
const CONFIG_KINDS = new Set<ValueSpec["kind"]>([...NETWORKD_KINDS, "bytes", "integer", "enum", "path", "calendar", "signal", "rlimit"]);

function judgedKinds(info: DirectiveInfo): ReadonlySet<ValueSpec["kind"]> | undefined {
  if (info.family === "unit") return undefined;
  return isConfigFamily(info.family) ? CONFIG_KINDS : NETWORKD_KINDS;
}

function valueProblems(value: string, info: DirectiveInfo): ValueProblem[] {
  // An empty assignment resets a list, or the setting, to its default.
  if (value === "") return [];
  if (info.family === "quadlet") return [];
  const judged = judgedKinds(info);
  if (judged && !judged.has(info.value.kind)) return [];
  const specifiers = specifierLetters(info);
  const context: ValueContext = { info, original: value };
  if (!specifiers) return checkByKind(value, context);
  const expanded = checkSpecifiers(value, { letters: specifiers });
  // systemd drops a line whose specifiers it cannot expand before reading the rest of it.
  if (expanded.some((p) => p.severity === undefined || p.severity === "error")) return expanded;
  const habits = questionableSpecifiers(value, specifiers === INSTALL_LETTERS ? new Set() : DEPRECATED_LETTERS);
  return [...expanded, ...habits, ...checkByKind(withStandIns(value), context)];
}

// --- The rule family ------------------------------------------------------------------------------

/** The document span of the logical value range [start, end), through the entry's segments. */
/** The document offset of the value's character at `offset`. */
function textOffsetOf(entry: EntryNode, offset: number): number {
  let segment = entry.segments[0];
  for (const s of entry.segments) if (s.valueStart <= offset) segment = s;
  return segment ? segment.textStart + (offset - segment.valueStart) : entry.valueSpan.start;
}

export function documentSpan(entry: EntryNode, start: number, end: number): Span {
  if (entry.value === "") return entry.valueSpan;
  const from = Math.min(Math.max(start, 0), entry.value.length - 1);
  const to = Math.min(Math.max(end, from + 1), entry.value.length);
  return { start: textOffsetOf(entry, from), end: textOffsetOf(entry, to - 1) + 1 };
}

function findingOf(entry: EntryNode, problem: ValueProblem): Finding | undefined {
  if (problem.severity === "info") return undefined;
  const rule = problem.rule ? RULES_BY_ID[problem.rule] : problem.severity === "warning" ? questionableValue : invalidValue;
  const span = documentSpan(entry, problem.start, problem.end);
  const message = `${entry.key}=: ${problem.message}`;
  return problem.suggestions?.length ? { rule, span, message, data: { suggestions: problem.suggestions } } : { rule, span, message };
}

/** `check(value, info)`, through the context's memo when it has one. */
export function memoized<T>(
  { memo }: Pick<RuleContext, "memo">,
  kind: string,
  info: DirectiveInfo,
  value: string,
  check: (value: string, info: DirectiveInfo) => T,
): T {
  return memo ? memo.get(kind, info, value, () => check(value, info)) : check(value, info);
}

/** The findings of `check` on an entry whose directive is known in its section and still read. */
export function knownEntryChecks(
  check: (entry: EntryNode, info: DirectiveInfo, context: RuleContext) => (Finding | undefined)[],
): EntryChecks {
  return {
    entry(entry, section, context) {
      const info = fileSchemaFor(context.kind)?.directive(section.name, entry.key);
      if (!info || info.status === "removed") return [];
      const findings: Finding[] = [];
      for (const finding of check(entry, info, context)) if (finding) findings.push(finding);
      return findings;
    },
  };
}

const valueChecks = knownEntryChecks((entry, info, context) =>
  memoized(context, "value", info, entry.value, valueProblems).map((problem) => findingOf(entry, problem)),
);

export const valueRules: RuleFamily = {
  rules: [invalidValue, questionableValue, unknownCapability, literalPercent, deprecatedSpecifier],
  check: (context) => checkEachEntry(valueChecks, context),
  perEntry: valueChecks,
};
