import type { Range, TextDocumentEdit, TextEdit, WorkspaceEdit } from "vscode-languageserver-types";
import { fileUri, type UriOf } from "./fileUri";
import { parseUnitFile, type UnitFile } from "./parser";
import { referencesIn, referenceSubject } from "./references";
import type { UnitCatalog } from "./unitCatalog";
import { unitKind, type UnitKind } from "./unitKind";
import { unitReferenceAt } from "./unitReferences";
import { parseUnitName } from "./values/unitName";

/** The unit a rename at this position would rename, and the range of its name here (absent on a unit's own file). */
export interface RenameSubject {
  unit: string;
  range?: Range;
}

/** What a rename at the cursor is about: a unit name written there, else the unit the file is. */
export function renameSubject(file: UnitFile, kind: UnitKind, offset: number): RenameSubject | undefined {
  const reference = unitReferenceAt(file, kind, offset);
  if (reference) return { unit: reference.name, range: file.lines.rangeOf(reference.start, reference.end) };
  const unit = referenceSubject(file, kind, file.lines.positionAt(offset));
  return unit ? { unit } : undefined;
}

/** An instance renames with its template: `getty@tty1.service` names the unit `getty@.service`. */
export function templateOf(unit: string): string {
  const parsed = parseUnitName(unit);
  return parsed.ok && parsed.unit.kind === "instance" ? `${parsed.unit.prefix}@.${parsed.unit.type}` : unit;
}

/** Why `unit` cannot be renamed at all, or undefined when it is a unit file of the workspace. */
export function notRenameable(unit: string, catalog: UnitCatalog): string | undefined {
  const known = catalog.get(unit);
  if (known?.origin === "workspace" && known.path) return undefined;
  return `${unit} is not a unit of the workspace: Unitsmith renames only unit files you can edit here, not installed or special units.`;
}

/** Why `unit` may not be renamed to `to`, or undefined when it may. */
export function renameProblem(unit: string, to: string, catalog: UnitCatalog): string | undefined {
  const refused = notRenameable(unit, catalog);
  if (refused) return refused;
  const from = parseUnitName(unit);
  const next = parseUnitName(to);
  if (!next.ok) return `"${to}" is not a name systemd accepts: ${next.problem.message}`;
  if (!from.ok || next.unit.type !== from.unit.type)
    return `"${to}" must keep the type of ${unit}: end it in .${from.ok ? from.unit.type : "?"}.`;
  if (next.unit.kind !== from.unit.kind)
    return `"${to}" must be a ${from.unit.kind === "template" ? "template (name@.type)" : "plain name without @"}, as ${unit} is.`;
  if (to === unit) return `${unit} already has that name.`;
  if (catalog.get(to)) return `A unit named ${to} exists already.`;
  return undefined;
}

/** The name `written` becomes when the unit `unit` is renamed to `to`: itself, or an instance of the renamed template. */
function renamedReference(written: string, unit: string, to: string): string {
  if (written === unit) return to;
  const parsed = parseUnitName(written);
  const target = parseUnitName(to);
  if (!parsed.ok || parsed.unit.kind !== "instance" || !target.ok) return written;
  return `${target.unit.prefix}@${parsed.unit.instance}.${target.unit.type}`;
}

export interface RenameFiles {
  /** The unit's file, and whether its drop-in directory (`<file>.d`) exists beside it. */
  unitFile: string;
  dropInDirectory: boolean;
  /** The workspace's unit and drop-in files with their texts, where the references are. */
  texts: ReadonlyMap<string, string>;
}

/** The edits of every reference to `unit` (and to its instances) in the given files, renamed to `to`. */
export function referenceEdits(unit: string, to: string, texts: ReadonlyMap<string, string>, uriOf: UriOf = fileUri): TextDocumentEdit[] {
  const textEdits: TextDocumentEdit[] = [];
  for (const [path, text] of texts) {
    const file = parseUnitFile(text);
    const edits: TextEdit[] = referencesIn(file, unitKind(path), unit).map((reference) => ({
      range: file.lines.rangeOf(reference.start, reference.end),
      newText: renamedReference(reference.name, unit, to),
    }));
    if (edits.length > 0) textEdits.push({ textDocument: { uri: uriOf(path), version: null }, edits });
  }
  return textEdits;
}

/**
 * One edit that renames the unit's file and its drop-in directory and every reference to it (and
 * to its instances) in the workspace's files: the text edits first, then the file operations.
 */
export function renameEdit(unit: string, to: string, files: RenameFiles, uriOf: UriOf = fileUri): WorkspaceEdit {
  const directory = files.unitFile.slice(0, files.unitFile.lastIndexOf("/"));
  const renames = [
    { kind: "rename" as const, oldUri: uriOf(files.unitFile), newUri: uriOf(`${directory}/${to}`) },
    ...(files.dropInDirectory
      ? [{ kind: "rename" as const, oldUri: uriOf(`${files.unitFile}.d`), newUri: uriOf(`${directory}/${to}.d`) }]
      : []),
  ];
  return { documentChanges: [...referenceEdits(unit, to, files.texts, uriOf), ...renames] };
}
