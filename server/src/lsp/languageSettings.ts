import type { UnitLanguageSettings } from "../language/languageService";
import type { TargetSystemd } from "../language/rules/rule";
import { globsOf } from "../language/scopeGlobs";
import type { Settings } from "../settings/settings";

/** The language service's settings from the server's settings and the target systemd. */
export function languageSettings(settings: Settings, target: TargetSystemd): Partial<UnitLanguageSettings> {
  return {
    maxFileSizeKB: settings.maxFileSizeKB,
    severities: settings.lint,
    target,
    userUnitFiles: globsOf(settings.userUnitFiles),
    format: settings.format,
    inlayHints: settings.inlayHints,
  };
}
