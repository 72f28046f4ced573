import { posix } from "node:path";
import type { DropIn, UnitKind } from "../language/unitKind";

/** A unit file or drop-in as the editor has it: the path it lives at and its current text (saved or not). */
export interface UnitText {
  path: string;
  text: string;
}

export type StagedRole = "document" | "parent" | "stand-in";

export interface StagedFile {
  /** Relative to the staging directory: `foo.service` or `foo.service.d/override.conf`. */
  relativePath: string;
  text: string;
  role: StagedRole;
  /** The file the staged copy stands for (empty for a stand-in). */
  originalPath: string;
  /** The unit name the staged file has, when it is a unit rather than a drop-in. */
  unit?: string;
  /** The unit name the user knows it by, when staging changed it (a template staged as an instance). */
  originalUnit?: string;
}

export interface StagingPlan {
  files: StagedFile[];
  /** The staged file systemd-analyze verifies: the document, or the unit a drop-in extends. */
  verify: StagedFile;
}

export type PlanResult = { ok: true; plan: StagingPlan } | { ok: false; message: string };

/**
 * Templates are staged as an instance: how systemd-analyze verify treats a bare template differs
 * between versions (252 checks it as the instance `i`), while a file named as an instance is loaded
 * as that instance's fragment by all of them. The name shows in expanded specifiers (`%i` → `instance`).
 */
export const STAGED_INSTANCE = "instance";

const STAND_IN_TEXT = "[Unit]\nDescription=Stand-in for the unit this drop-in extends\n";

/** `foo@.service` → `foo@instance.service`; other names stay as they are. */
function asInstance(name: string): string {
  return /@\.[^.]+$/.test(name) ? name.replace(/@\./, `@${STAGED_INSTANCE}.`) : name;
}

function unitFile(name: string, text: string, role: StagedRole, originalPath: string): StagedFile {
  const staged = asInstance(name);
  return { relativePath: staged, text, role, originalPath, unit: staged, ...(staged !== name && { originalUnit: name }) };
}

/** A unit name a drop-in directory applies to, for a stand-in parent. */
function standInName(dropIn: DropIn): string {
  switch (dropIn.target) {
    case "unit":
    case "template":
      return dropIn.parent;
    case "prefix":
      return dropIn.parent.replace(/-\.([^.]+)$/, `-${STAGED_INSTANCE}.$1`);
    case "type":
      return `${STAGED_INSTANCE}.${dropIn.parent}`;
  }
}

/** Why systemd-analyze verify cannot check this kind of file; undefined when it can. */
export function unsupportedReason(kind: UnitKind): string | undefined {
  if (!kind.file) return "it is not a unit file or drop-in that systemd reads";
  if (kind.file.family !== "unit") return `systemd-analyze verify checks unit files, not ${kind.file.family} .${kind.file.type} files`;
  if (kind.file.type === "scope") return "scope units are created at run time; systemd-analyze verify cannot load them from a file";
  return undefined;
}

/**
 * What to write into the staging directory. A unit is staged alone under its own name (as an
 * instance if it is a template). A drop-in is staged in `<parent>.d/` next to the unit it extends,
 * or next to a stand-in when that unit is not at hand; the unit is what gets verified.
 */
export function planStaging(document: UnitText, kind: UnitKind, parent?: UnitText): PlanResult {
  const unsupported = unsupportedReason(kind);
  if (unsupported) return { ok: false, message: unsupported };
  if (!kind.dropIn) {
    const file = unitFile(kind.name, document.text, "document", document.path);
    return { ok: true, plan: { files: [file], verify: file } };
  }
  const dropIn: StagedFile = {
    relativePath: posix.join(`${kind.dropIn.parent}.d`, kind.name),
    text: document.text,
    role: "document",
    originalPath: document.path,
  };
  const unit = parent
    ? unitFile(posix.basename(parent.path), parent.text, "parent", parent.path)
    : unitFile(standInName(kind.dropIn), STAND_IN_TEXT, "stand-in", "");
  return { ok: true, plan: { files: [unit, dropIn], verify: unit } };
}
