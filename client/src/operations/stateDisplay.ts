import type { OperationFailure } from "./serverCommands";
import { t } from "../l10n";

/** What the views say about a unit. */
export type StateName = "running" | "failed" | "stopped" | "changing" | "not installed" | "template" | "unknown";

export interface StateDisplay {
  name: StateName;
  /** A codicon id. */
  icon: string;
  /** A word or two: "running", "failed", "not installed", "deactivating", "no systemd". */
  label: string;
  /** A theme colour id for the icon, when the state deserves one. */
  color?: string;
}

/** The fields that UnitState (status, actions) and ListedUnit (list) both have. */
export interface StateFields {
  run?: "running" | "stopped";
  activeState: string;
  loadState: string;
  template?: boolean;
}

const DISPLAYS: Record<Exclude<StateName, "changing" | "unknown">, StateDisplay> = {
  running: { name: "running", icon: "circle-filled", label: t("running"), color: "testing.iconPassed" },
  failed: { name: "failed", icon: "error", label: t("failed"), color: "testing.iconFailed" },
  stopped: { name: "stopped", icon: "circle-outline", label: t("stopped") },
  "not installed": { name: "not installed", icon: "circle-slash", label: t("not installed") },
  template: { name: "template", icon: "symbol-namespace", label: t("template") },
};

export function stateDisplay(state: StateFields): StateDisplay {
  if (state.template) return DISPLAYS.template;
  if (state.loadState === "not-found") return DISPLAYS["not installed"];
  if (state.activeState === "failed") return DISPLAYS.failed;
  if (state.run) return DISPLAYS[state.run];
  return { name: "changing", icon: "sync", label: state.activeState || t("changing") };
}

/** What to show when the state could not be read. */
export function failureDisplay(failure: OperationFailure): StateDisplay {
  switch (failure.reason) {
    case "unit-not-found":
      return DISPLAYS["not installed"];
    case "no-systemd":
      return failure.installedFile ? INSTALLED_UNREACHABLE : { name: "unknown", icon: "debug-disconnect", label: t("no systemd") };
    case "command-not-found":
      return { name: "unknown", icon: "debug-disconnect", label: t("no systemctl") };
    case "needs-privilege":
      return { name: "unknown", icon: "lock", label: t("needs root") };
    default:
      return { name: "unknown", icon: "question", label: t("state unknown") };
  }
}

const INSTALLED_UNREACHABLE: StateDisplay = {
  name: "unknown",
  icon: "debug-disconnect",
  label: t("installed (file present), manager unreachable"),
};

/** For a file outside the unit directories, asked about by its name: only a file put in place makes it installed. */
export function namesakeFailureDisplay(failure: OperationFailure): StateDisplay {
  return failure.reason === "no-systemd" && !failure.installedFile ? DISPLAYS["not installed"] : failureDisplay(failure);
}

/** `$(circle-filled) backup.service running`: the status bar's text. */
export function statusBarText(unit: string, display: StateDisplay): string {
  return `$(${display.icon}) ${unit} ${display.label}`;
}

/** A file outside the unit directories: systemd does not read it from there. */
export const NOT_INSTALLED: StateDisplay = DISPLAYS["not installed"];
export const TEMPLATE: StateDisplay = DISPLAYS.template;
/** While the first answer is on its way. */
export const QUERYING: StateDisplay = { name: "unknown", icon: "sync~spin", label: "…" };
