/** The values of `unitsmith.operations.afterSave`. */
export const AFTER_SAVE_SETTINGS = ["ask", "reloadAndRestart", "reload", "nothing"] as const;
export type AfterSaveSetting = (typeof AFTER_SAVE_SETTINGS)[number];

export type AfterSaveStep = "reload" | "restart";

export interface AfterSaveQuestion {
  text: string;
  choices: { label: string; steps: AfterSaveStep[] }[];
}

/** Steps to run at once, then an optional question whose answer adds steps. */
export interface AfterSavePlan {
  now: AfterSaveStep[];
  ask?: AfterSaveQuestion;
}

export function afterSaveSetting(value: unknown): AfterSaveSetting {
  return (AFTER_SAVE_SETTINGS as readonly unknown[]).includes(value) ? (value as AfterSaveSetting) : "ask";
}

const NOT_NOW = { label: "Not now", steps: [] };

/**
 * What to do after an installed unit file (or one of its drop-ins) was saved. A template cannot be
 * restarted without an instance, so it is only reloaded. An override made with Edit Override is
 * always reloaded: that is what its command promised.
 */
export function afterSavePlan(options: { setting: AfterSaveSetting; unit: string; template: boolean; override: boolean }): AfterSavePlan {
  const { setting, unit, template, override } = options;
  const restart = !template;
  switch (setting) {
    case "nothing":
      return { now: override ? ["reload"] : [] };
    case "reload":
      return { now: ["reload"] };
    case "reloadAndRestart":
      return { now: restart ? ["reload", "restart"] : ["reload"] };
    case "ask":
      if (override) {
        return restart
          ? {
              now: ["reload"],
              ask: { text: `Restart ${unit} to apply the override?`, choices: [{ label: "Restart", steps: ["restart"] }, NOT_NOW] },
            }
          : { now: ["reload"] };
      }
      if (!restart) {
        return { now: [], ask: { text: `Reload systemd to read ${unit}?`, choices: [{ label: "Reload", steps: ["reload"] }, NOT_NOW] } };
      }
      return {
        now: [],
        ask: {
          text: `Reload and restart ${unit}?`,
          choices: [{ label: "Reload and Restart", steps: ["reload", "restart"] }, { label: "Only Reload", steps: ["reload"] }, NOT_NOW],
        },
      };
  }
}
