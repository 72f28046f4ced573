import type { CodeLens, Location } from "vscode-languageserver-types";
import type { UnitFile } from "./parser";
import { unitOf } from "./effectiveUnit/effectiveUnit";
import type { UnitKind } from "./unitKind";

/** What a unit file's lens carries from codeLens to codeLens/resolve. */
export interface UnitLensData {
  unit: string;
  scope: "system" | "user";
}

/** One lens above the first section of a unit file (or a drop-in of one unit), resolved later with what knows of the unit. */
export function unitLenses(file: UnitFile, kind: UnitKind): CodeLens[] {
  const unit = unitOf(kind);
  const first = file.sections[0];
  if (!unit || !first) return [];
  const range = file.lines.rangeOf(first.header.start, first.header.contentEnd);
  return [{ range, data: { unit, scope: kind.scope ?? "system" } satisfies UnitLensData }];
}

/** The lens's title: how many places name the unit, and its state where a systemd answers. */
export function unitLensTitle(references: readonly Location[], state: string | undefined): string {
  const count = `${references.length} reference${references.length === 1 ? "" : "s"}`;
  return state ? `${count} · ${state}` : count;
}
