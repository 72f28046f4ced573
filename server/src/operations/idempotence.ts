import type { Enablement, RunState } from "../protocol/operationResults";

export const UNIT_ACTIONS = ["start", "stop", "restart", "reload", "enable", "disable", "enableNow", "resetFailed"] as const;
export type UnitAction = (typeof UNIT_ACTIONS)[number];

export interface ActionState {
  run?: RunState;
  failed: boolean;
  enablement?: Enablement;
}

/** Whether the action needs to know if the unit runs (enable and disable do not). */
export function needsRunState(action: UnitAction): boolean {
  return action !== "enable" && action !== "disable";
}

/**
 * The systemctl verbs that bring a unit from `state` to what the action asks, and nothing more:
 * start only what is stopped, stop only what runs, enable only what is disabled. Restart starts a
 * stopped unit (it should run); reload has nothing to do for a stopped one.
 */
export function planAction(action: UnitAction, state: ActionState): string[] {
  const running = state.run === "running";
  const enabled = state.enablement === "enabled";
  switch (action) {
    case "start":
      return running ? [] : ["start"];
    case "stop":
      return running ? ["stop"] : [];
    case "restart":
      return running ? ["restart"] : ["start"];
    case "reload":
      return running ? ["reload"] : [];
    case "enable":
      return enabled ? [] : ["enable"];
    case "disable":
      return enabled ? ["disable"] : [];
    case "enableNow":
      return [...(enabled ? [] : ["enable"]), ...(running ? [] : ["start"])];
    case "resetFailed":
      return state.failed ? ["reset-failed"] : [];
  }
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

/** What to tell the user after the verbs ran (or none had to). */
export function describeAction(action: UnitAction, unit: string, verbs: readonly string[]): string {
  if (verbs.length === 0) return `${unit} ${NOTHING_TO_DO[action]}.`;
  if (action === "restart" && verbs[0] === "start") return `${unit} was not running; started it.`;
  const [first, ...rest] = verbs.map((verb) => DONE[verb] ?? verb);
  return `${[first, ...rest.map((done) => done!.toLowerCase())].join(" and ")} ${unit}.`;
}
