import type { Enablement, RunState } from "../protocol/operationResults";

export const UNIT_ACTIONS = ["start", "stop", "restart", "reload", "enable", "disable", "enableNow", "resetFailed"] as const;
export type UnitAction = (typeof UNIT_ACTIONS)[number];

export interface ActionState {
  run?: RunState;
  /** As systemd reports it: "activating" while an auto-restart is pending. */
  activeState?: string;
  failed: boolean;
  enablement?: Enablement;
}

/** Whether the action needs to know if the unit runs (enable and disable do not). */
export function needsRunState(action: UnitAction): boolean {
  return action !== "enable" && action !== "disable";
}

/** Running, or about to run again (an auto-restart pending): `stop` has something to stop. */
export function isUp(state: ActionState): boolean {
  return state.run === "running" || state.activeState === "activating";
}

/**
 * The systemctl verbs that bring a unit from `state` to what the action asks, and nothing more:
 * start only what is stopped, stop only what runs (or waits to restart), enable only what is
 * disabled. Restart starts a stopped unit (it should run); reload has nothing to do for a
 * stopped one; a static unit has nothing to enable or disable.
 */
export function planAction(action: UnitAction, state: ActionState): string[] {
  const running = state.run === "running";
  const enable = state.enablement === "disabled" || state.enablement === "masked" ? ["enable"] : [];
  switch (action) {
    case "start":
      return running ? [] : ["start"];
    case "stop":
      return isUp(state) ? ["stop"] : [];
    case "restart":
      return running ? ["restart"] : ["start"];
    case "reload":
      return running ? ["reload"] : [];
    case "enable":
      return enable;
    case "disable":
      return state.enablement === "enabled" ? ["disable"] : [];
    case "enableNow":
      return [...enable, ...(running ? [] : ["start"])];
    case "resetFailed":
      return state.failed ? ["reset-failed"] : [];
  }
}

// systemctl refuses these on a masked unit.
const REFUSED_WHEN_MASKED = new Set(["start", "restart", "reload", "enable"]);

/** Why the planned verbs cannot run on a masked unit; undefined when they can. */
export function maskedRefusal(unit: string, state: ActionState, verbs: readonly string[]): string | undefined {
  const refused = verbs.filter((verb) => REFUSED_WHEN_MASKED.has(verb));
  if (state.enablement !== "masked" || refused.length === 0) return undefined;
  return `${unit} is masked, so systemd will not ${refused.join(" or ")} it; unmask it first (systemctl unmask ${unit}).`;
}

const DONE: Record<string, string> = {
  start: "Started",
  stop: "Stopped",
  restart: "Restarted",
  reload: "Reloaded",
  enable: "Enabled",
  disable: "Disabled",
  "reset-failed": "Reset the failed state of",
};

const NOTHING_TO_DO: Record<UnitAction, string> = {
  start: "is already running",
  stop: "is not running",
  restart: "is already running",
  reload: "is not running, so there is nothing to reload",
  enable: "is already enabled",
  disable: "is not enabled",
  enableNow: "is already enabled and running",
  resetFailed: "is not in the failed state",
};

const STATIC = "is static: it has no [Install] section, so there is nothing to enable or disable";

/** What to tell the user after the verbs ran (or none had to). */
export function describeAction(action: UnitAction, unit: string, verbs: readonly string[], state?: ActionState): string {
  if (verbs.length === 0) {
    const isStatic = state?.enablement === "static" && (action === "enable" || action === "disable");
    const masked = state?.enablement === "masked" && action === "disable";
    return `${unit} ${isStatic ? STATIC : masked ? "is masked, so it is not enabled" : NOTHING_TO_DO[action]}.`;
  }
  if (action === "restart" && verbs[0] === "start") return `${unit} was not running; started it.`;
  const [first, ...rest] = verbs.map((verb) => DONE[verb] ?? verb);
  return `${[first, ...rest.map((done) => done!.toLowerCase())].join(" and ")} ${unit}.`;
}
