import type { Location, Position } from "vscode-languageserver-types";
import { fileUri, type UriOf } from "./fileUri";
import { nodeAt, type UnitFile } from "./parser";
import { resolveUnit, type UnitCatalog } from "./unitCatalog";
import type { UnitKind } from "./unitKind";
import { unitReferenceAt } from "./unitReferences";

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function locationOf(catalog: UnitCatalog, name: string, uriOf: UriOf): Location[] {
  const unit = resolveUnit(catalog, name);
  return unit?.path && !unit.masked ? [{ uri: uriOf(unit.path), range: START }] : [];
}

/**
 * Where a name leads: a unit name in a value opens that unit's file; in a drop-in, the first line
 * and the section headers open the unit it extends.
 */
export function definition(file: UnitFile, kind: UnitKind, position: Position, catalog: UnitCatalog, uriOf: UriOf = fileUri): Location[] {
  const offset = file.lines.offsetAt(position);
  const reference = unitReferenceAt(file, kind, offset);
  if (reference) return locationOf(catalog, reference.name, uriOf);
  const dropIn = kind.dropIn;
  if (!dropIn || (dropIn.target !== "unit" && dropIn.target !== "template")) return [];
  if (position.line === 0 || nodeAt(file, offset)?.kind === "section") return locationOf(catalog, dropIn.parent, uriOf);
  return [];
}
