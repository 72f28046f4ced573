// Reads a tbl(1) table (the lines between `.TS` and `.TE`) into rows of cells.
import type { Inline, TableBlock } from "./document";

/** Decodes the roff text lines of one cell into inline tokens. */
export type CellDecoder = (lines: string[]) => Inline[];

export function parseTable(lines: string[], decodeCell: CellDecoder): TableBlock {
  let i = 0;
  let tab = "\t";
  if (lines[0]?.trimEnd().endsWith(";")) {
    const option = /\btab\s*\((.)\)/.exec(lines[0]);
    if (option) tab = option[1]!;
    i++;
  }
  // Format lines run up to the one ending in ".". A bold first format row makes the first row a header.
  const header = /[bB]/.test(lines[i]?.split(",")[0] ?? "");

  const rows: Inline[][][] = [];
  let row: Inline[][] = [];
  let block: string[] | undefined;
  const endRow = () => {
    if (row.length) rows.push(row);
    row = [];
  };
  // Splits a data line into cells; a trailing `T{` opens a text block cell.
  const addCells = (text: string) => {
    for (const part of text.split(tab)) {
      if (part.trim() === "T{") block = [];
      else row.push(decodeCell([part]));
    }
    if (!block) endRow();
  };

  let formatLines = true;
  for (const line of lines.slice(i)) {
    if (block) {
      if (line.startsWith("T}")) {
        row.push(decodeCell(block));
        block = undefined;
        const rest = line.slice(2);
        if (rest.startsWith(tab)) addCells(rest.slice(tab.length));
        else endRow();
      } else if (!line.startsWith(".")) {
        block.push(line);
      }
      continue;
    }
    // Format lines, at the start and again after `.T&`, are skipped up to the one ending in ".".
    if (formatLines || line.startsWith(".T&")) {
      formatLines = !line.trimEnd().endsWith(".");
      continue;
    }
    if (line.startsWith(".") || /^\s*[_=]\s*$/.test(line)) continue;
    addCells(line);
  }
  if (block) row.push(decodeCell(block));
  endRow();
  return { kind: "table", header, rows };
}
