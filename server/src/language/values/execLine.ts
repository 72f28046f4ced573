import { problemAt, quoted, type ValueProblem } from "./problem";
import { checkSpecifiers, type SpecifierOptions } from "./specifiers";
import { WHITESPACE, nextWord, type Word, type WordOptions } from "./words";

/** What the prefixes in front of the executable ask for. */
export interface ExecFlags {
  /** "-": a failing exit status is ignored. */
  ignoreFailure: boolean;
  /** "@": the second word is passed as argv[0]. */
  separateArgv0: boolean;
  /** ":": $VARIABLES are not expanded. */
  noEnvExpand: boolean;
  /** "+": runs with full privileges, without sandboxing. */
  fullPrivileges: boolean;
  /** "!": sandboxing applies but the user/group change does not. */
  noSetuid: boolean;
  /** "!!": like "!", only when the kernel lacks ambient capabilities. */
  ambientMagic: boolean;
  /** "|": the command line runs through the user's shell ("|" alone starts that shell). */
  viaShell: boolean;
}

export interface ExecCommand {
  /** The prefix characters as written, e.g. "-@". */
  prefix: string;
  flags: ExecFlags;
  /** The program: an absolute path or a bare name looked up in systemd's executable path. */
  executable: Word;
  /** The arguments the process sees, argv[0] first. */
  argv: Word[];
  start: number;
  end: number;
}

export interface ExecLine {
  commands: ExecCommand[];
  problems: ValueProblem[];
}

export interface ExecLineOptions {
  /** Whether several commands separated by a lone ";" are allowed (ExecStart= of Type=oneshot, ExecStartPre=, …). */
  allowMultiple?: boolean;
  specifiers?: SpecifierOptions;
}

const WORDS: WordOptions = { unquote: true, cunescape: true };
const EXPECTED = 'Expected a command line such as "/usr/bin/myapp --flag" or "-myapp arg"';

function emptyFlags(): ExecFlags {
  return {
    ignoreFailure: false,
    separateArgv0: false,
    noEnvExpand: false,
    fullPrivileges: false,
    noSetuid: false,
    ambientMagic: false,
    viaShell: false,
  };
}

/** Consumes the prefixes systemd allows, in any order, each at most once ("!!" being the one double). */
function readPrefixes(text: string): { flags: ExecFlags; length: number } {
  const flags = emptyFlags();
  let i = 0;
  for (; i < text.length; i++) {
    const c = text[i];
    const privileged = flags.fullPrivileges || flags.noSetuid || flags.ambientMagic;
    if (c === "-" && !flags.ignoreFailure) flags.ignoreFailure = true;
    else if (c === "@" && !flags.separateArgv0) flags.separateArgv0 = true;
    else if (c === ":" && !flags.noEnvExpand) flags.noEnvExpand = true;
    else if (c === "|" && !flags.viaShell) flags.viaShell = true;
    else if (c === "+" && !privileged) flags.fullPrivileges = true;
    else if (c === "!" && !privileged) flags.noSetuid = true;
    else if (c === "!" && !flags.fullPrivileges && !flags.ambientMagic) {
      flags.noSetuid = false;
      flags.ambientMagic = true;
    } else break;
  }
  return { flags, length: i };
}

function executableProblem(path: string): string | undefined {
  if (path === "") return "a prefix must be followed by the program to run.";
  if ("-@:+!|".includes(path[0]!))
    return `the prefix ${quoted(path[0]!)} is repeated or cannot be combined with the ones before it ("+" excludes "!" and "!!").`;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f"'\\]/.test(path)) return "the program name must not contain quotes, backslashes or control characters.";
  if (path.endsWith("/")) return `${quoted(path)} names a directory.`;
  if (path.startsWith("/")) {
    if (path.length >= 4096 || path.split("/").some((p) => p.length > 255)) return "the path is too long.";
    return undefined;
  }
  if (path.includes("/")) return `${quoted(path)} must be an absolute path (starting with "/") or a bare program name.`;
  if (path === "." || path === ".." || path.length > 255) return `${quoted(path)} is not a program name.`;
  return undefined;
}

/** Parses an Exec*= value as systemd's config_parse_exec() does, keeping every word's offsets. */
export function parseExecLine(value: string, options: ExecLineOptions = {}): ExecLine {
  const commands: ExecCommand[] = [];
  const problems: ValueProblem[] = [...checkSpecifiers(value, options.specifiers)];
  let p = 0;
  let separator: number | undefined;
  for (;;) {
    const first = nextWord(value, p, WORDS);
    if (first.kind === "error") {
      problems.push(first.problem);
      break;
    }
    if (first.kind === "end") {
      if (separator !== undefined && commands.length === 0)
        problems.push(problemAt(separator, separator + 1, `${EXPECTED}; there is no command, only ";".`, "warning"));
      break;
    }
    p = first.next;
    if (first.word.text === ";") {
      separator = first.word.start;
      continue;
    }
    const { flags, length } = readPrefixes(first.word.text);
    const prefix = first.word.text.slice(0, length);
    const executableStart = value.startsWith(prefix, first.word.start) ? first.word.start + length : first.word.start;
    const executable: Word = { text: first.word.text.slice(length), start: executableStart, end: first.word.end };
    // "|" alone asks for the user's shell itself.
    const bad = flags.viaShell && executable.text === "" ? undefined : executableProblem(executable.text);
    if (bad) {
      const severity = flags.ignoreFailure ? "warning" : undefined;
      problems.push(problemAt(first.word.start, first.word.end, `${EXPECTED}; ${bad}`, severity));
      break;
    }
    const args: Word[] = [];
    let more = false;
    while (p < value.length) {
      const after = value[p + 1];
      if (value[p] === ";" && (after === undefined || WHITESPACE.includes(after))) {
        separator = p;
        p++;
        while (p < value.length && WHITESPACE.includes(value[p]!)) p++;
        more = true;
        break;
      }
      const next = value[p + 2];
      if (value[p] === "\\" && after === ";" && (next === undefined || WHITESPACE.includes(next))) {
        args.push({ text: ";", start: p, end: p + 2 });
        p += 2;
        while (p < value.length && WHITESPACE.includes(value[p]!)) p++;
        continue;
      }
      const w = nextWord(value, p, WORDS);
      if (w.kind === "end") break;
      if (w.kind === "error") {
        problems.push(w.problem);
        return { commands, problems };
      }
      args.push(w.word);
      p = w.next;
    }
    if (flags.separateArgv0 && args.length === 0) {
      problems.push(
        problemAt(first.word.start, first.word.end, `${EXPECTED}; with "@" the word after the program is argv[0], and it is missing.`),
      );
      break;
    }
    const end = args.length ? args[args.length - 1]!.end : first.word.end;
    commands.push({ prefix, flags, executable, argv: flags.separateArgv0 ? args : [executable, ...args], start: first.word.start, end });
    if (!more) break;
  }
  if (options.allowMultiple === false && commands.length > 1) {
    const second = commands[1]!;
    problems.push(
      problemAt(
        second.start,
        value.length,
        `Expected a single command here; this directive takes one command line, not several separated by ";".`,
      ),
    );
  }
  return { commands, problems };
}

export function checkExecLine(value: string, options?: ExecLineOptions): ValueProblem[] {
  return parseExecLine(value, options).problems;
}
