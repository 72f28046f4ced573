import { t } from "../l10n";
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

const notNow = () => ({ label: t("Not now"), steps: [] });

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
              ask: {
                text: t("Restart {0} to apply the override?", unit),
                choices: [{ label: t("Restart"), steps: ["restart"] }, notNow()],
              },
            }
          : { now: ["reload"] };
      }
      if (!restart) {
        return {
          now: [],
          ask: { text: t("Reload systemd to read {0}?", unit), choices: [{ label: t("Reload"), steps: ["reload"] }, notNow()] },
        };
      }
      return {
        now: [],
        ask: {
          text: t("Reload and restart {0}?", unit),
          choices: [
            { label: t("Reload and Restart"), steps: ["reload", "restart"] },
            { label: t("Only Reload"), steps: ["reload"] },
            notNow(),
          ],
        },
      };
  }
}
