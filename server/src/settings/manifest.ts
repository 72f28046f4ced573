import { settingsSchema } from "./schema";

/** What every package.nls.json key of a setting starts with. */
export const SETTING_NLS_PREFIX = "setting.";

const TITLE_KEY = `${SETTING_NLS_PREFIX}title`;

/** The package.nls.json key of a setting's description: `unitsmith.lint.x` → `setting.lint.x.description`. */
export function settingNlsKey(setting: string): string {
  return `${SETTING_NLS_PREFIX}${setting.replace(/^unitsmith\./, "")}.description`;
}

/**
 * The `contributes.configuration` block of the VS Code manifest, generated from the schema. Each
 * description is a `%key%` that VS Code looks up in package.nls.json (and its translations).
 */
export function manifestConfiguration() {
  const properties = Object.fromEntries(
    Object.entries(settingsSchema).map(([setting, spec]) => [setting, { ...spec, description: `%${settingNlsKey(setting)}%` }]),
  );
  return { title: `%${TITLE_KEY}%`, properties };
}

/** The package.nls.json entries of the settings' page title and descriptions, in English. */
export function manifestSettingTexts(): Record<string, string> {
  return {
    [TITLE_KEY]: "Unitsmith",
    ...Object.fromEntries(Object.entries(settingsSchema).map(([setting, spec]) => [settingNlsKey(setting), spec.description])),
  };
}
