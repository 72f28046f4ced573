/** Escaping for the values the generator writes, by the rules systemd reads them with. */

/**
 * Doubles every "%" so systemd does not read it as a specifier. A template keeps "%i" and "%I"
 * (the instance name), which is the point of writing one.
 */
export function escapeSpecifiers(text: string, template: boolean): string {
  return text.replace(/%([iI]?)/g, (_match, letter: string) => (template && letter ? `%${letter}` : `%%${letter}`));
}

const C_ESCAPES: Record<string, string> = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r" };

/** What makes systemd's word splitting change a word: blanks, quotes, backslashes, control characters. */
// eslint-disable-next-line no-control-regex
const NEEDS_QUOTES = /[\s"'\\\x00-\x1f\x7f]/;

/**
 * One word as systemd's word splitting (with unquoting and C unescaping, as in ExecStart=,
 * Environment= and path lists) reads it back: bare when safe, otherwise in double quotes.
 */
export function quoteWord(word: string): string {
  // A lone ";" would separate two commands.
  if (word !== "" && word !== ";" && !NEEDS_QUOTES.test(word)) return word;
  // eslint-disable-next-line no-control-regex
  const body = word.replace(/[\\"\x00-\x1f\x7f]/g, (c) => C_ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
  return `"${body}"`;
}

/** A command-line word: "$" doubled so systemd passes it on instead of expanding a variable. */
export function execWord(word: string, template: boolean): string {
  return quoteWord(escapeSpecifiers(word, template).replace(/\$/g, "$$$$"));
}

const SHELL_PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** An argument as a POSIX shell reads it back, for the header that repeats the command line. */
export function shellQuote(arg: string): string {
  if (SHELL_PLAIN.test(arg)) return arg;
  // A comment line cannot hold a line break, so control characters take the $'...' form.
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(arg)) {
    // eslint-disable-next-line no-control-regex
    const body = arg.replace(/[\\'\x00-\x1f\x7f]/g, (c) =>
      c === "\\" || c === "'" ? `\\${c}` : `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`,
    );
    return `$'${body}'`;
  }
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
