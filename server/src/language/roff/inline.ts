// Decodes one line of roff text (escapes, fonts, special characters, strings, links) into inline tokens.
import type { Font, Inline } from "./document";
import { specialCharacter } from "./specialCharacters";

export interface InlineState {
  font: Font;
  previousFont: Font;
  /** Strings for `\*`: predefined ones and those the page defines with `.ds`. */
  strings: Map<string, string>;
}

export interface DecodedLine {
  inlines: Inline[];
  /** The line ended in `\c`: the next line continues it without a space. */
  joinNext: boolean;
}

/** Escapes with a delimited argument (`\h'-4'`) that print nothing we keep (`\N` and `\C` are decoded apart). */
const delimitedEscapes = new Set([..."hvwoXlLDbxZSHRABT"]);
/** Escapes that take a name argument (`\n(xx`, `\g[name]`) and print nothing we keep. */
const namedEscapes = new Set([..."ngYVMk$F"]);
/** Escapes that print nothing. */
const silentEscapes = new Set([..."&%:|^)/,!{}udrpaz"]);
/** After a link's end, DocBook prints its footnote number as a small raised `[n]`. */
const footnote = /^(?:\\&)?\\s-2\\u\[(\d+)\]\\d\\s\+2/;
/** A page can define strings that expand to themselves; stop expanding after this many. */
const maxStringExpansions = 200;

export function createInlineState(strings: Map<string, string>): InlineState {
  return { font: "R", previousFont: "R", strings };
}

function fontFromName(name: string): Font | "P" {
  if (name === "" || name === "P") return "P";
  if (name === "R" || name === "1") return "R";
  if (name === "I" || name === "2") return "I";
  if (name === "B" || name === "3" || name === "4" || name === "BI") return "B";
  if (name.startsWith("C")) return "C";
  return name.includes("B") ? "B" : name.includes("I") ? "I" : "R";
}

export function setFont(state: InlineState, name: string): void {
  const font = fontFromName(name);
  const next = font === "P" ? state.previousFont : font;
  state.previousFont = state.font;
  state.font = next;
}

/** Reads `x`, `(xx` or `[name]` at `i`. */
function readName(s: string, i: number): { name: string; end: number } {
  if (s[i] === "(") return { name: s.slice(i + 1, i + 3), end: Math.min(s.length, i + 3) };
  if (s[i] === "[") {
    const close = s.indexOf("]", i + 1);
    const end = close < 0 ? s.length : close;
    return { name: s.slice(i + 1, end), end: Math.min(s.length, end + 1) };
  }
  return { name: s[i] ?? "", end: Math.min(s.length, i + 1) };
}

/** Reads `'arg'` (any delimiter) at `i`. */
function readDelimited(s: string, i: number): { arg: string; end: number } {
  const delimiter = s[i];
  if (delimiter === undefined) return { arg: "", end: s.length };
  const close = s.indexOf(delimiter, i + 1);
  const end = close < 0 ? s.length : close;
  return { arg: s.slice(i + 1, end), end: Math.min(s.length, end + 1) };
}

/** Reads the argument of `\s`: `-2`, `+2`, `0`, `12`, `(12`, `[12]`, `'12'`. */
function readSize(s: string, i: number): number {
  if (s[i] === "+" || s[i] === "-") i++;
  if (s[i] === "(" || s[i] === "[") return readName(s, i).end;
  if (s[i] === "'") return readDelimited(s, i).end;
  if (/[1-3]/.test(s[i] ?? "") && /\d/.test(s[i + 1] ?? "")) return i + 2;
  return /\d/.test(s[i] ?? "") ? i + 1 : i;
}

export function decodeInline(raw: string, state: InlineState): DecodedLine {
  const inlines: Inline[] = [];
  let text = "";
  let joinNext = false;
  let expansions = 0;
  let s = raw;
  let i = 0;
  while (i < s.length) {
    const backslash = s.indexOf("\\", i);
    if (backslash !== i) {
      text += (backslash < 0 ? s.slice(i) : s.slice(i, backslash)).replace(/\t/g, " ");
      if (backslash < 0) break;
      i = backslash;
    }
    const e = s[i + 1];
    i += 2;
    if (e === undefined) break;
    if (e === '"') break;
    if (e === "#") {
      joinNext = true;
      break;
    }
    if (e === "c") {
      joinNext = true;
      break;
    }
    if (e === "f") {
      const { name, end } = readName(s, i);
      if (text) inlines.push({ kind: "text", text, font: state.font });
      text = "";
      setFont(state, name);
      i = end;
    } else if (e === "(" || e === "[") {
      const { name, end } = readName(s, i - 1);
      text += specialCharacter(name) ?? "";
      i = end;
    } else if (e === "*") {
      const { name, end } = readName(s, i);
      const value = expansions++ < maxStringExpansions ? (state.strings.get(name.split(" ")[0]!) ?? "") : "";
      s = value + s.slice(end);
      i = 0;
    } else if (e === "m") {
      const { name, end } = readName(s, i);
      i = end;
      if (text) inlines.push({ kind: "text", text, font: state.font });
      text = "";
      if (name) {
        inlines.push({ kind: "linkStart" });
      } else {
        const note = footnote.exec(s.slice(i));
        if (note) i += note[0].length;
        inlines.push(note ? { kind: "linkEnd", note: Number(note[1]) } : { kind: "linkEnd" });
      }
    } else if (e === "s") {
      i = readSize(s, i);
    } else if (e === "N") {
      const { arg, end } = readDelimited(s, i);
      const code = Number(arg);
      if (Number.isInteger(code) && code > 0 && code < 0x110000) text += String.fromCodePoint(code);
      i = end;
    } else if (e === "C") {
      const { arg, end } = readDelimited(s, i);
      text += specialCharacter(arg) ?? "";
      i = end;
    } else if (delimitedEscapes.has(e)) {
      i = readDelimited(s, i).end;
    } else if (namedEscapes.has(e)) {
      if (e === "n" && (s[i] === "+" || s[i] === "-")) i++;
      i = readName(s, i).end;
    } else if (e === "e" || e === "\\" || e === "E") {
      text += "\\";
    } else if (e === " " || e === "~" || e === "0" || e === "t") {
      text += " ";
    } else if (e === "-") {
      text += "-";
    } else if (e === "'") {
      text += "'";
    } else if (!silentEscapes.has(e)) {
      // An escape we do not know prints its character, as groff does.
      text += e;
    }
  }
  if (text) inlines.push({ kind: "text", text, font: state.font });
  return { inlines, joinNext };
}

/** The plain text of a roff string with its escapes decoded and fonts dropped. */
export function decodePlain(raw: string, strings: Map<string, string>): string {
  return decodeInline(raw, createInlineState(strings))
    .inlines.map((i) => (i.kind === "text" ? i.text : ""))
    .join("");
}
