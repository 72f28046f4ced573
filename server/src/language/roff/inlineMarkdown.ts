// Renders inline tokens as Markdown: literal names as code, man page references, links, emphasis.
import type { Inline } from "./document";

export interface MarkdownOptions {
  /** Where a man page reference such as systemd.exec(5) links to; without it, references are bold text. */
  manLink?: (name: string, section: string) => string | undefined;
}

export interface InlineContext extends MarkdownOptions {
  /** Link addresses by footnote number (a page's NOTES). */
  notes: ReadonlyMap<number, string>;
  /** Inside a table cell: `|` is escaped and line breaks become spaces. */
  table?: boolean;
}

type Style = "plain" | "code" | "bold" | "italic" | "markdown";

interface Segment {
  style: Style;
  text: string;
}

/** Italic marks DocBook's varname, option and replaceable: names like `ExecStart=`, `$PATH` stay code. */
function italicStyle(text: string): Style {
  const t = text.trim();
  return /^\S+$/.test(t) && (/[=$%/_.:@[\]]/.test(t) || /[A-Z]/.test(t.slice(1)) || t.startsWith("-")) ? "code" : "italic";
}

/** Bold marks DocBook's literal, constant and command: single tokens and short commands are code, prose is bold. */
function boldStyle(text: string): Style {
  const t = text.trim();
  if (/^\S+$/.test(t)) return /^[A-Z][a-z]+[:.]?$/.test(t) ? "bold" : "code";
  return /^[a-z][\w.-]*( [^\s]+){1,4}$/.test(t) ? "code" : "bold";
}

export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_]/g, "\\$&")
    .replace(/&(?=#?\w+;)/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/\](?=[([])/g, "\\]");
}

export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Wraps `text` in a delimiter, keeping surrounding whitespace outside (`** x**` is not emphasis). */
function wrap(text: string, delimiter: string, render: (inner: string) => string): string {
  const match = /^(\s*)(.*?)(\s*)$/s.exec(text);
  if (!match || !match[2]) return text;
  return `${match[1]}${delimiter}${render(match[2])}${delimiter}${match[3]}`;
}

/**
 * Roman text: DocBook prints a literal between double quotes ("~", "active"), so a quoted single token
 * becomes code; a bare address becomes a link.
 */
function romanSegments(text: string): Segment[] {
  return text.split(/("[^"\s]+"|(?:https?|ftp):\/\/[^\s<>"]*[^\s<>".,;:!?)'])/).map((part, k): Segment => {
    if (k % 2 === 0) return { style: "plain", text: part };
    return part.startsWith('"') ? { style: "code", text: part.slice(1, -1) } : { style: "markdown", text: `<${part}>` };
  });
}

function segmentsOf(inlines: readonly Inline[], context: InlineContext): Segment[] {
  const segments: Segment[] = [];
  let carry = 0;
  /** Where the last link read ended: the tokens up to here were its label and its `linkEnd`. */
  let linkEnd = -1;
  for (const [i, token] of inlines.entries()) {
    if (i <= linkEnd) continue;
    if (token.kind === "break") {
      segments.push({ style: "markdown", text: context.table ? " " : "  \n" });
    } else if (token.kind === "linkStart") {
      const found = inlines.findIndex((t, k) => k > i && t.kind === "linkEnd");
      const end = found < 0 ? inlines.length : found;
      const label = inlines
        .slice(i + 1, end)
        .map((t) => (t.kind === "text" ? t.text : " "))
        .join("")
        .replace(/\s+/g, " ")
        .trim();
      const close = inlines[end];
      const given =
        close?.kind === "linkEnd" ? (close.url ?? (close.note !== undefined ? context.notes.get(close.note) : undefined)) : undefined;
      const url = given ?? (/^(https?|ftp):\/\/\S+$/.test(label) ? label : undefined);
      if (url && label && url !== label)
        segments.push({ style: "markdown", text: `[${escapeMarkdown(label)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)` });
      else if (url) segments.push({ style: "markdown", text: `<${url.replace(/[<>\s]/g, encodeURIComponent)}>` });
      else segments.push({ style: "plain", text: label });
      linkEnd = end;
    } else if (token.kind === "text") {
      const text = token.text.slice(carry);
      carry = 0;
      if (!text) continue;
      const next = inlines[i + 1];
      const section = next?.kind === "text" && next.font === "R" ? /^\((\d\w*)\)/.exec(next.text) : null;
      if (token.font !== "R" && section && /^[\w.:@+-]+$/.test(text)) {
        const label = `${text}(${section[1]})`;
        const url = context.manLink?.(text, section[1]!);
        segments.push({ style: "markdown", text: url ? `[${escapeMarkdown(label)}](<${url}>)` : `**${escapeMarkdown(label)}**` });
        carry = section[0].length;
        continue;
      }
      if (token.font === "R") segments.push(...romanSegments(text));
      else segments.push({ style: token.font === "C" ? "code" : token.font === "I" ? italicStyle(text) : boldStyle(text), text });
    }
  }
  return segments;
}

/** Joins neighbours of one style, so `Type=` followed by `oneshot` becomes the single code span `Type=oneshot`. */
function merge(segments: Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const segment of segments) {
    const last = merged[merged.length - 1];
    const codeAcrossSpace = last?.style === "code" && segment.style === "code" && !/\s$/.test(last.text) && !/^\s/.test(segment.text);
    if (last && last.style === segment.style && (segment.style !== "code" || codeAcrossSpace)) last.text += segment.text;
    else merged.push({ ...segment });
  }
  return merged;
}

export function renderInlines(inlines: readonly Inline[], context: InlineContext): string {
  const pipe = (s: string) => (context.table ? s.replace(/\|/g, "\\|") : s);
  const out = merge(segmentsOf(inlines, context))
    .map(({ style, text }) => {
      const flat = style === "markdown" ? text : text.replace(/\s+/g, " ");
      switch (style) {
        case "plain":
          return pipe(escapeMarkdown(flat));
        case "code":
          return wrap(flat, "", (inner) => pipe(codeSpan(inner)));
        case "bold":
          return wrap(flat, "**", (inner) => pipe(escapeMarkdown(inner)));
        case "italic":
          return wrap(flat, "*", (inner) => pipe(escapeMarkdown(inner)));
        case "markdown":
          return pipe(flat);
      }
    })
    .join("");
  return out
    .split("\n")
    .map((line) => line.replace(/ {2,}(?=\S)/g, " ").trim())
    .join("  \n")
    .replace(/ {2}\n$/, "");
}
