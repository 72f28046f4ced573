import { parseUnitFile, type UnitFile } from "../../src/language/parser";
import type { Position } from "vscode-languageserver-types";

/** Splits a fixture at its `|` cursor marker into the parsed file and the cursor position. */
export function atCursor(textWithCursor: string): { file: UnitFile; position: Position } {
  const offset = textWithCursor.indexOf("|");
  if (offset < 0) throw new Error("fixture has no | cursor marker");
  const file = parseUnitFile(textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1));
  return { file, position: file.lines.positionAt(offset) };
}
