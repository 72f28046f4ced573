// Parses man(7) roff source, as DocBook and hand-written pages produce it, into a ManDocument.
// Never throws: unknown requests are ignored, unbalanced indentation is closed at the next heading.
import type { Block, DefinitionBlock, IndentBlock, Inline, ItemBlock, ManDocument } from "./document";
import { blockText } from "./document";
import { createInlineState, decodeInline, decodePlain, setFont } from "./inline";
import { logicalLines, splitArguments, splitRequest } from "./lines";
import { predefinedStrings } from "./specialCharacters";
import { endsStep, finished, type Steps } from "./steps";
import { parseTable } from "./table";

interface Container {
  /** root: the page; rs: an `.RS` block, closed by `.RE`; ip: an `.IP`/`.TP` item, closed by the next paragraph macro. */
  kind: "root" | "rs" | "ip";
  blocks: Block[];
  node?: DefinitionBlock | ItemBlock | IndentBlock;
}

/** DocBook's nroff list marker: `\h'-04'\(bu\h'+03'\c` (or ` 1.` for numbered lists) at the start of an `.RS`. */
const listMarker = /^\\h'-[\d.]+[a-z]?'(.*?)\\h'\+[\d.]+[a-z]?'\\c$/;
const alternatingFonts = new Set(["BR", "RB", "BI", "IB", "IR", "RI"]);

export function parseRoff(source: string): ManDocument {
  return finished(roffSteps(source));
}

/** parseRoff as steps (see steps.ts). */
export function* roffSteps(source: string): Steps<ManDocument> {
  const strings = predefinedStrings();
  const lines = yield* logicalLines(source, strings);
  const state = createInlineState(strings);
  const root: Block[] = [];
  const rootContainer: Container = { kind: "root", blocks: root };
  /** The open containers, innermost last; the root is never closed. */
  const stack: Container[] = [rootContainer];
  const document: ManDocument = { blocks: root, notes: new Map() };

  let paragraph: Inline[] = [];
  /** The paragraph began right after `.PP`; followed directly by `.RS` it is a definition's term. */
  let paragraphFromPP = false;
  let pendingPP = false;
  let joinNext = false;
  let nofill: string[] | undefined;
  let termOf: DefinitionBlock | undefined;
  let pendingHeading: 1 | 2 | undefined;
  let nextLineFont: string | undefined;
  let linkUrl: string | undefined;
  /** The lines of the table being read, from `.TS` up to `.TE`. */
  let tableLines: string[] | undefined;

  const top = () => stack.at(-1) ?? rootContainer;
  const hasText = (inlines: Inline[]) => inlines.some((i) => i.kind === "text" && i.text.trim() !== "");
  const flush = () => {
    if (hasText(paragraph)) top().blocks.push({ kind: "paragraph", content: paragraph });
    paragraph = [];
    paragraphFromPP = false;
    joinNext = false;
  };
  const breakParagraph = () => {
    flush();
    pendingPP = false;
  };
  const closeItems = () => {
    while (top().kind === "ip") stack.pop();
  };
  const open = (kind: Container["kind"], node: DefinitionBlock | ItemBlock | IndentBlock) => {
    top().blocks.push(node);
    stack.push({ kind, blocks: node.body, node });
  };

  const addInlines = (inlines: Inline[], joinAfter: boolean) => {
    if (termOf) {
      termOf.term.push(...inlines);
      termOf = undefined;
      return;
    }
    if (!paragraph.length) {
      paragraphFromPP = pendingPP;
      pendingPP = false;
    } else if (!joinNext) {
      paragraph.push({ kind: "text", text: " ", font: "R" });
    }
    paragraph.push(...inlines);
    joinNext = joinAfter;
  };

  const startItem = (marker: string) => {
    breakParagraph();
    const container = top();
    const parent = stack[stack.length - 2];
    if (container.kind === "rs" && container.node?.kind === "indent" && container.blocks.length === 0 && parent) {
      const item: ItemBlock = { kind: "item", marker, body: container.blocks };
      parent.blocks[parent.blocks.lastIndexOf(container.node)] = item;
      container.node = item;
    } else {
      closeItems();
      open("ip", { kind: "item", marker, body: [] });
    }
  };

  const endNofill = () => {
    if (!nofill) return;
    while (nofill.at(-1)?.trim() === "") nofill.pop();
    while (nofill[0]?.trim() === "") nofill.shift();
    if (nofill.length) top().blocks.push({ kind: "preformatted", lines: nofill });
    nofill = undefined;
  };

  const decodeLine = (line: string) =>
    decodeInline(line, state)
      .inlines.map((i) => (i.kind === "text" ? i.text : ""))
      .join("")
      .trimEnd();

  const text = (line: string) => {
    if (nextLineFont) {
      line = `\\f${nextLineFont}${line}\\fR`;
      nextLineFont = undefined;
    }
    if (pendingHeading) {
      const heading = decodePlain(line, strings).trim();
      if (heading) root.push({ kind: "heading", level: pendingHeading, text: heading });
      pendingHeading = undefined;
      return;
    }
    if (nofill) {
      nofill.push(decodeLine(line));
      return;
    }
    if (!line.trim()) {
      breakParagraph();
      return;
    }
    const marker = listMarker.exec(line);
    if (marker) {
      startItem(decodePlain(marker[1]!, strings).trim());
      return;
    }
    const decoded = decodeInline(line, state);
    addInlines(decoded.inlines, decoded.joinNext);
  };

  const decodeCell = (cellLines: string[]) => {
    const cellState = createInlineState(strings);
    return cellLines
      .filter((l) => !l.startsWith("."))
      .flatMap((l, k) => [...(k ? [{ kind: "text" as const, text: " ", font: "R" as const }] : []), ...decodeInline(l, cellState).inlines]);
  };

  const endTable = () => {
    if (!tableLines) return;
    const table = parseTable(tableLines, decodeCell);
    tableLines = undefined;
    if (table.rows.length) top().blocks.push(table);
  };

  let count = 0;
  for (const line of lines) {
    if (endsStep(++count)) yield;
    if (tableLines) {
      if (line.startsWith(".TE")) endTable();
      else tableLines.push(line);
      continue;
    }
    const request = splitRequest(line);
    if (!request) {
      text(line);
      continue;
    }
    const args = splitArguments(request.args);
    switch (request.name) {
      case "TH":
        document.title = { name: decodePlain(args[0] ?? "", strings), section: decodePlain(args[1] ?? "", strings) };
        break;
      case "SH":
      case "SS": {
        flush();
        endNofill();
        pendingPP = false;
        stack.length = 1;
        const level = request.name === "SH" ? 1 : 2;
        const heading = decodePlain(args.join(" "), strings).trim();
        if (heading) root.push({ kind: "heading", level, text: heading });
        else pendingHeading = level;
        break;
      }
      case "PP":
      case "P":
      case "LP":
      case "HP":
        flush();
        closeItems();
        pendingPP = true;
        break;
      case "RS":
        if (hasText(paragraph) && paragraphFromPP) {
          const definition: DefinitionBlock = { kind: "definition", term: paragraph, body: [] };
          paragraph = [];
          breakParagraph();
          open("rs", definition);
        } else {
          breakParagraph();
          open("rs", { kind: "indent", body: [] });
        }
        break;
      case "RE":
        breakParagraph();
        closeItems();
        if (top().kind === "rs") stack.pop();
        break;
      case "IP": {
        breakParagraph();
        closeItems();
        const tag = decodePlain(args[0] ?? "", strings).trim();
        open("ip", tag ? { kind: "item", marker: tag, body: [] } : { kind: "indent", body: [] });
        break;
      }
      case "TP": {
        breakParagraph();
        closeItems();
        const definition: DefinitionBlock = { kind: "definition", term: [], body: [] };
        open("ip", definition);
        termOf = definition;
        break;
      }
      case "sp":
        if (nofill) nofill.push("");
        else breakParagraph();
        break;
      case "br":
        if (!nofill && hasText(paragraph)) {
          paragraph.push({ kind: "break" });
          joinNext = true;
        }
        break;
      case "nf":
      case "EX":
        flush();
        nofill ??= [];
        break;
      case "fi":
      case "EE":
        endNofill();
        break;
      case "TS":
        flush();
        tableLines = [];
        break;
      case "B":
      case "I":
      case "SB":
      case "SM": {
        const font = request.name === "I" ? "I" : request.name === "SM" ? "R" : "B";
        if (args.length) text(`\\f${font}${args.join(" ")}\\fR`);
        else nextLineFont = font;
        break;
      }
      case "ft":
        setFont(state, args[0] ?? "P");
        break;
      case "UR":
      case "MT":
        linkUrl = (request.name === "MT" ? "mailto:" : "") + (args[0] ?? "");
        addInlines([{ kind: "linkStart" }], true);
        break;
      case "UE":
      case "ME":
        addInlines([{ kind: "linkEnd", url: linkUrl }, ...decodeInline(args.join(" "), state).inlines], false);
        linkUrl = undefined;
        break;
      default:
        if (alternatingFonts.has(request.name)) {
          const fonts = request.name.split("");
          text(args.map((a, k) => `\\f${fonts[k % 2]}${a}`).join("") + "\\fR");
        }
    }
  }
  endTable();
  flush();
  endNofill();
  document.notes = collectNotes(root);
  return document;
}

/** NOTES lists link addresses as numbered items: ` 1.` title, then the address indented. */
function collectNotes(blocks: Block[]): Map<number, string> {
  const notes = new Map<number, string>();
  const start = blocks.findIndex((b) => b.kind === "heading" && b.level === 1 && b.text === "NOTES");
  if (start < 0) return notes;
  for (const block of blocks.slice(start + 1)) {
    if (block.kind === "heading" && block.level === 1) break;
    const number = block.kind === "item" ? /^(\d+)\.$/.exec(block.marker) : null;
    if (block.kind !== "item" || !number) continue;
    const url = /(?:https?|ftp|mailto|file):\S+/.exec(blockText(block.body))?.[0];
    if (url) notes.set(Number(number[1]), url);
  }
  return notes;
}
