import { isTemplateName, unitKind, type HostArgument, type Scope, type UnitArgument } from "../../../server/src/protocol";
import { t } from "../l10n";

export type { Scope } from "../../../server/src/protocol";

/** A unit a command acts on: a name the manager of `scope` knows, on this machine or on `host`. */
export interface UnitRef {
  unit: string;
  scope: Scope;
  /** Another machine (an item of the units view's group for that host). */
  host?: HostArgument;
  /** `foo@.service`: a command that needs a running unit asks for an instance. */
  template: boolean;
  /** The file the unit came from, when known (the editor's file, or FragmentPath). */
  path?: string;
}

/** What the editor's file means for the unit commands. */
export type FileTarget =
  /** A unit file (or a drop-in of one unit); `scope` is absent outside the unit directories. */
  { kind: "unit"; unit: string; scope?: Scope; template: boolean; dropIn: boolean; path: string } | { kind: "none"; message: string };

/** Reads the unit, template and scope of a file from its path alone. */
export function fileTarget(path: string): FileTarget {
  const kind = unitKind(path);
  const file = kind.file;
  const base = path.slice(path.lastIndexOf("/") + 1);
  if (file?.family !== "unit") {
    const message = !file
      ? t("{0} is not a systemd unit file: the unit commands work on .service, .socket, .timer and other unit files.", base)
      : file.family === "networkd"
        ? t("{0} is a systemd-networkd file: the unit commands work on .service, .socket, .timer and other unit files.", base)
        : t("{0} is a Podman Quadlet file: the unit commands work on .service, .socket, .timer and other unit files.", base);
    return { kind: "none", message };
  }
  if (kind.systemctlEditTemp) {
    return { kind: "none", message: t("{0} is a temporary file of systemctl edit: systemctl acts on the unit when the edit ends.", base) };
  }
  if (kind.dropIn && kind.dropIn.target !== "unit" && kind.dropIn.target !== "template") {
    return { kind: "none", message: t("{0} extends every {1} unit, not one unit: open the unit itself.", base, kind.dropIn.parent) };
  }
  const unit = kind.dropIn ? kind.dropIn.parent : kind.name;
  return {
    kind: "unit",
    unit,
    template: isTemplateName(unit),
    dropIn: kind.dropIn !== undefined,
    path,
    ...(kind.scope && { scope: kind.scope }),
  };
}

/** True for an object that names a unit the way UnitRef does (tree items and CodeLens arguments carry one). */
export function isUnitRef(value: unknown): value is UnitRef {
  if (typeof value !== "object" || value === null) return false;
  const ref = value as Partial<UnitRef>;
  return typeof ref.unit === "string" && (ref.scope === "system" || ref.scope === "user") && typeof ref.template === "boolean";
}

/** The key of a host in caches and tree ids; "" is this machine. */
export const hostKey = (host: HostArgument | undefined): string =>
  !host ? "" : "machine" in host ? `machine:${host.user ?? ""}@${host.machine}` : `ssh:${host.ssh}`;

/** The key of a unit in caches: host, scope and name. */
export const unitKey = (ref: { unit: string; scope: Scope; host?: HostArgument }): string =>
  `${hostKey(ref.host)}/${ref.scope}:${ref.unit}`;

/** The server command's argument for the unit: its name, scope and host. */
export const unitArgument = (ref: UnitRef): UnitArgument => ({ unit: ref.unit, scope: ref.scope, ...(ref.host && { host: ref.host }) });
