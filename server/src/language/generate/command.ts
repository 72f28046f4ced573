/**
 * Reads the --command text as a shell would, to decide whether systemd can run it directly
 * (a plain program with arguments) or whether it needs a shell (pipes, redirections, "&&",
 * variables, globs, ...).
 */
export type ParsedCommand = { kind: "argv"; argv: string[] } | { kind: "shell"; script: string } | { kind: "error"; message: string };

/** Characters that mean shell syntax wherever they stand unquoted. */
const SHELL_CHARACTERS = new Set([..."|&;<>()$`*?[\n"]);
/** Characters that mean shell syntax at the start of a word (a comment, a home directory). */
const SHELL_WORD_STARTS = new Set(["#", "~"]);

/** Words a shell treats itself: running them as programs would fail or mean something else. */
const SHELL_WORDS = new Set([
  ..."if then else elif fi do done case esac while until for in { } ! [[ ]]".split(" "),
  ..."cd . source exec export set unset eval trap exit return shift read ulimit umask wait alias".split(" "),
]);

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

interface Words {
  words: string[];
  needsShell: boolean;
}

/** Splits like sh: quotes and backslashes group and escape; stops at the first sign of shell syntax. */
function splitShellWords(text: string): Words | { error: string } {
  const words: string[] = [];
  let word: string | undefined;
  let raw = "";
  const shell = { words, needsShell: true };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === " " || c === "\t") {
      if (word !== undefined) words.push(word);
      word = undefined;
      raw = "";
      continue;
    }
    if (word === undefined && SHELL_WORD_STARTS.has(c)) return shell;
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return { error: "the command has a ' that is never closed" };
      word = (word ?? "") + text.slice(i + 1, end);
      raw += text.slice(i, end + 1);
      i = end;
      continue;
    }
    if (c === '"') {
      let body = "";
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        const d = text[j]!;
        if (d === "$" || d === "`") return shell;
        if (d === "\\" && j + 1 < text.length && '$`"\\\n'.includes(text[j + 1]!)) {
          if (text[j + 1] === "\n") return shell;
          body += text[++j];
        } else body += d;
      }
      if (j >= text.length) return { error: 'the command has a " that is never closed' };
      word = (word ?? "") + body;
      raw += text.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === "\\") {
      if (i + 1 >= text.length || text[i + 1] === "\n") return shell;
      word = (word ?? "") + text[i + 1];
      raw += text.slice(i, i + 2);
      i++;
      continue;
    }
    if (SHELL_CHARACTERS.has(c)) return shell;
    word = (word ?? "") + c;
    raw += c;
    if (words.length === 0 && ASSIGNMENT.test(raw)) return shell;
  }
  if (word !== undefined) words.push(word);
  return { words, needsShell: words.length > 0 && SHELL_WORDS.has(words[0]!) };
}

export function parseCommand(text: string): ParsedCommand {
  if (text.includes("\0")) return { kind: "error", message: "the command contains a NUL character" };
  const script = text.trim();
  if (script === "") return { kind: "error", message: "the command is empty" };
  const split = splitShellWords(script);
  if ("error" in split) return { kind: "error", message: split.error };
  return split.needsShell ? { kind: "shell", script } : { kind: "argv", argv: split.words };
}
