// The shape a roff man page is parsed into: a tree of blocks holding flat runs of inline tokens.

/** R roman, B bold, I italic, C constant width. */
export type Font = "R" | "B" | "I" | "C";

export type Inline =
  | { kind: "text"; text: string; font: Font }
  | { kind: "break" }
  | { kind: "linkStart" }
  /** `note` numbers a link whose address is listed under NOTES; `url` is an address given inline. */
  | { kind: "linkEnd"; note?: number; url?: string };

export interface HeadingBlock {
  kind: "heading";
  /** 1 for `.SH`, 2 for `.SS`. */
  level: 1 | 2;
  text: string;
}

export interface ParagraphBlock {
  kind: "paragraph";
  content: Inline[];
}

export interface PreformattedBlock {
  kind: "preformatted";
  lines: string[];
}

export interface TableBlock {
  kind: "table";
  /** The first row is a header row (its format is bold). */
  header: boolean;
  rows: Inline[][][];
}

/** A term and its indented body: DocBook's variable list entry (`.PP` term `.RS` body `.RE`) or `.TP`. */
export interface DefinitionBlock {
  kind: "definition";
  term: Inline[];
  body: Block[];
}

/** One list item; consecutive items form a list. `marker` is "•", "1." or another tag. */
export interface ItemBlock {
  kind: "item";
  marker: string;
  body: Block[];
}

/** Indented content that is neither a definition nor a list item (`.RS` after a break). */
export interface IndentBlock {
  kind: "indent";
  body: Block[];
}

export type Block = HeadingBlock | ParagraphBlock | PreformattedBlock | TableBlock | DefinitionBlock | ItemBlock | IndentBlock;

export interface ManDocument {
  /** From `.TH`: the page's name and section, as the page spells them. */
  title?: { name: string; section: string };
  blocks: Block[];
  /** Link addresses listed under NOTES, by footnote number. */
  notes: Map<number, string>;
}

/** The text of inline tokens without fonts; breaks become spaces. */
export function plainText(inlines: readonly Inline[]): string {
  return inlines
    .map((i) => (i.kind === "text" ? i.text : i.kind === "break" ? " " : ""))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** The text of blocks without formatting, one block a line. */
export function blockText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case "heading":
          return b.text;
        case "paragraph":
          return plainText(b.content);
        case "preformatted":
          return b.lines.join("\n");
        case "table":
          return b.rows.map((r) => r.map(plainText).join(" ")).join("\n");
        case "definition":
          return plainText(b.term) + "\n" + blockText(b.body);
        case "item":
        case "indent":
          return blockText(b.body);
      }
    })
    .join("\n");
}
