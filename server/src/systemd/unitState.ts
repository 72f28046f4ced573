import type { Enablement, RunState, UnitState } from "../protocol/operationResults";

/** The properties `systemctl show -p` asks for to build a UnitState. */
export const STATE_PROPERTIES = [
  "Id",
  "Description",
  "LoadState",
  "ActiveState",
  "SubState",
  "UnitFileState",
  "FragmentPath",
  "DropInPaths",
  "NeedDaemonReload",
] as const;

export type Mapped<T> = { ok: true; value: T } | { ok: false; message: string };

/** `is-active`: active runs; inactive, failed and activating count as stopped; anything else is not a state to act on. */
export function mapActiveState(activeState: string): Mapped<{ run: RunState; failed: boolean }> {
  switch (activeState) {
    case "active":
      return { ok: true, value: { run: "running", failed: false } };
    case "inactive":
    case "activating":
      return { ok: true, value: { run: "stopped", failed: false } };
    case "failed":
      return { ok: true, value: { run: "stopped", failed: true } };
    default:
      return { ok: false, message: `systemd reports the unit as "${activeState || "(nothing)"}"; try again when it has settled` };
  }
}

const ENABLED = new Set(["enabled", "enabled-runtime", "alias", "indirect", "generated", "transient"]);
const DISABLED = new Set(["linked", "linked-runtime", "disabled"]);
const MASKED = new Set(["masked", "masked-runtime"]);

/** `is-enabled`: which answers count as enabled, disabled, static or masked; "not-found" means there is no such unit. */
export function mapEnabledState(unitFileState: string): Mapped<Enablement> {
  if (ENABLED.has(unitFileState)) return { ok: true, value: "enabled" };
  if (DISABLED.has(unitFileState)) return { ok: true, value: "disabled" };
  if (unitFileState === "static") return { ok: true, value: "static" };
  if (MASKED.has(unitFileState)) return { ok: true, value: "masked" };
  if (unitFileState === "not-found") return { ok: false, message: "unit not found" };
  return { ok: false, message: `systemd reports the unit file state "${unitFileState || "(nothing)"}"` };
}

/** Builds the state from one record of `systemctl show -p <STATE_PROPERTIES>`. */
export function unitStateFromShow(record: Readonly<Record<string, string>>): UnitState {
  const found = record.LoadState !== "not-found";
  const unitFileState = record.UnitFileState ?? "";
  const active = mapActiveState(record.ActiveState ?? "");
  const enabled = mapEnabledState(found ? unitFileState : "not-found");
  return {
    unit: record.Id ?? "",
    description: record.Description ?? "",
    loadState: record.LoadState ?? "",
    activeState: record.ActiveState ?? "",
    subState: record.SubState ?? "",
    unitFileState,
    ...(active.ok && { run: active.value.run }),
    failed: record.ActiveState === "failed",
    ...(enabled.ok && { enablement: enabled.value }),
    found,
    ...(record.FragmentPath && { fragmentPath: record.FragmentPath }),
    dropInPaths: (record.DropInPaths ?? "").split(" ").filter((path) => path !== ""),
    needsDaemonReload: record.NeedDaemonReload === "yes",
  };
}
