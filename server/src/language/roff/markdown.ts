// Renders parsed man page blocks as Markdown: headings, paragraphs, lists, definitions, code blocks, tables.
import type { Block, DefinitionBlock, ItemBlock, ManDocument, PreformattedBlock, TableBlock } from "./document";
import { type InlineContext, type MarkdownOptions, escapeMarkdown, renderInlines } from "./inlineMarkdown";

export type { MarkdownOptions } from "./inlineMarkdown";

const bulletMarkers = new Set(["\u2022", "\u00b7", "\u25cb", "\u25aa", "-", "*", "+", "o"]);

/** Escapes what would start a heading, quote, list or rule at the beginning of a line. */
function escapeLineStart(line: string): string {
  const numbered = /^(\d+)([.)])(\s|$)/.exec(line);
  if (numbered) return `${numbered[1]}\\${line.slice(numbered[1]!.length)}`;
  return /^([#>+=-]|~~~)/.test(line) ? `\\${line}` : line;
}

function indent(lines: string[], first: string, rest: string): string[] {
  return lines.map((line, k) => (k === 0 ? first + line : line ? rest + line : line));
}

function paragraphLines(markdown: string): string[] {
  return markdown ? markdown.split("\n").map(escapeLineStart) : [];
}

function preformatted(block: PreformattedBlock): string[] {
  const longest = Math.max(0, ...block.lines.flatMap((l) => l.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  const nonEmpty = block.lines.filter((l) => l.trim());
  const assignments = nonEmpty.filter((l) => /^\s*[A-Za-z][\w.-]*=/.test(l)).length;
  const unitFile = nonEmpty.some((l) => /^\s*\[[\w-]+\]\s*$/.test(l)) || assignments * 2 >= nonEmpty.length;
  return [fence + (unitFile ? "ini" : ""), ...block.lines, fence];
}

function table(block: TableBlock, context: InlineContext): string[] {
  const width = Math.max(...block.rows.map((r) => r.length));
  const row = (cells: string[]) => `| ${Array.from({ length: width }, (_, k) => cells[k] || " ").join(" | ")} |`;
  const [header = "", ...body] = block.rows.map((cells) => row(cells.map((c) => renderInlines(c, { ...context, table: true }))));
  return [header, row(Array.from({ length: width }, () => "---")), ...body];
}

function term(block: DefinitionBlock, context: InlineContext): string {
  const text = renderInlines(block.term, context).replace(/ {2}\n/g, " ");
  return text.includes("**") || !text ? text : `**${text}**`;
}

/** A list from consecutive items; an item whose marker is neither a bullet nor a number is a definition. */
function list(items: ItemBlock[], context: InlineContext): string[] {
  return items.flatMap((item) => {
    const body = sequence(item.body, context, true);
    const number = /^\(?(\d+)[.)]?$/.exec(item.marker);
    if (bulletMarkers.has(item.marker) || item.marker === "" || number) {
      const prefix = number ? `${number[1]}. ` : "- ";
      return indent(body.length ? body : [""], prefix, " ".repeat(prefix.length));
    }
    const label = `**${escapeMarkdown(item.marker)}**`;
    return indent(body.length ? [label, "", ...body] : [label], "- ", "  ");
  });
}

function block(b: Block, context: InlineContext, nested: boolean): string[] {
  switch (b.kind) {
    case "heading":
      return [`${b.level === 1 ? "##" : "###"} ${escapeMarkdown(b.text)}`];
    case "paragraph":
      return paragraphLines(renderInlines(b.content, context));
    case "preformatted":
      return preformatted(b);
    case "table":
      return table(b, context);
    case "indent":
      return sequence(b.body, context, nested);
    case "item":
      return list([b], context);
    case "definition": {
      const body = sequence(b.body, context, true);
      const head = term(b, context);
      if (!nested) return body.length ? [head, "", ...body] : [head];
      return indent(body.length ? [head, "", ...body] : [head], "- ", "  ");
    }
  }
}

/** Renders blocks one after another, separated by blank lines; consecutive list items form one list. */
function sequence(blocks: readonly Block[], context: InlineContext, nested: boolean): string[] {
  const chunks: string[][] = [];
  let items: ItemBlock[] = [];
  const endList = () => {
    if (items.length) chunks.push(list(items, context));
    items = [];
  };
  for (const b of blocks) {
    if (b.kind === "item") {
      items.push(b);
    } else {
      endList();
      chunks.push(block(b, context, nested));
    }
  }
  endList();
  return chunks.filter((c) => c.length).flatMap((c, k) => (k ? ["", ...c] : c));
}

/** The Markdown of a run of blocks, e.g. a directive's body. Definitions inside it become lists. */
export function renderBlocks(blocks: readonly Block[], notes: ReadonlyMap<number, string>, options: MarkdownOptions = {}): string {
  return sequence(blocks, { ...options, notes }, true).join("\n");
}

/** The Markdown of a whole page under a level-one heading such as `systemd.exec(5)`. */
export function renderDocument(document: ManDocument, title: string, options: MarkdownOptions = {}): string {
  const body = sequence(document.blocks, { ...options, notes: document.notes }, false);
  return [`# ${escapeMarkdown(title)}`, "", ...body].join("\n") + "\n";
}
