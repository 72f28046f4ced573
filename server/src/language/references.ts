import type { Position } from "vscode-languageserver-types";
import type { UnitFile } from "./parser";
import type { UnitKind } from "./unitKind";
import { unitReferenceAt, unitReferences, type UnitReference } from "./unitReferences";
import { parseUnitName } from "./values/unitName";

/**
 * The unit whose references a request at this position asks for: the unit name under the cursor,
 * else the unit the file defines (a drop-in: the unit it extends).
 */
export function referenceSubject(file: UnitFile, kind: UnitKind, position: Position): string | undefined {
  const reference = unitReferenceAt(file, kind, file.lines.offsetAt(position));
  if (reference) return reference.name;
  if (kind.file?.family !== "unit") return undefined;
  if (kind.dropIn) return kind.dropIn.target === "unit" || kind.dropIn.target === "template" ? kind.dropIn.parent : undefined;
  return kind.name;
}

/** Whether a written name refers to `unit`; an instance also refers to its template. */
export function refersTo(written: string, unit: string): boolean {
  if (written === unit) return true;
  const parsed = parseUnitName(written);
  return parsed.ok && parsed.unit.kind === "instance" && `${parsed.unit.prefix}@.${parsed.unit.type}` === unit;
}

/** The places in one file whose unit-typed directives name `unit`. */
export function referencesIn(file: UnitFile, kind: UnitKind, unit: string): UnitReference[] {
  return unitReferences(file, kind).filter((reference) => refersTo(reference.name, unit));
}
