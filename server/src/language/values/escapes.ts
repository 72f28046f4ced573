/** C-style escapes as systemd unescapes them in command lines and environment assignments. */

const SIMPLE_ESCAPES: Record<string, string> = {
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\\": "\\",
  '"': '"',
  "'": "'",
  s: " ",
};

function hexDigits(text: string, from: number, count: number): number | undefined {
  const digits = text.slice(from, from + count);
  return digits.length === count && /^[0-9a-fA-F]+$/.test(digits) ? parseInt(digits, 16) : undefined;
}

function isValidCodePoint(c: number): boolean {
  if (c >= 0x110000) return false;
  if ((c & 0xfffff800) === 0xd800) return false;
  if (c >= 0xfdd0 && c <= 0xfdef) return false;
  return (c & 0xfffe) !== 0xfffe;
}

/**
 * Decodes the escape whose letter is at `at` (just after the backslash).
 * Returns the decoded text and how many characters after the backslash it used, or undefined.
 */
export function decodeEscape(text: string, at: number): { text: string; length: number } | undefined {
  const c = text[at];
  if (c === undefined) return undefined;
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== undefined) return { text: simple, length: 1 };
  if (c === "x") {
    const v = hexDigits(text, at + 1, 2);
    return v === undefined || v === 0 ? undefined : { text: String.fromCharCode(v), length: 3 };
  }
  if (c === "u" || c === "U") {
    const n = c === "u" ? 4 : 8;
    const v = hexDigits(text, at + 1, n);
    if (v === undefined || v === 0) return undefined;
    if (c === "U" && !isValidCodePoint(v)) return undefined;
    if (v > 0x10ffff) return undefined;
    return { text: String.fromCodePoint(v), length: n + 1 };
  }
  if (/^[0-7]{3}$/.test(text.slice(at, at + 3))) {
    const v = parseInt(text.slice(at, at + 3), 8);
    return v === 0 || v > 255 ? undefined : { text: String.fromCharCode(v), length: 3 };
  }
  return undefined;
}
