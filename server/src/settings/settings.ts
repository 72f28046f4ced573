import type { LintSeverities, SeveritySetting } from "../language/diagnostics";
import type { FormattingOptions } from "../language/formatting";
import { settingsSchema, type SettingSpec } from "./schema";

export interface Settings {
  maxFileSizeKB: number;
  lint: LintSeverities;
  format: FormattingOptions;
  /** "auto", or the systemd version to target. */
  systemdVersion: "auto" | number;
  verify: { onSave: boolean; showEnvironmentNoise: boolean; timeoutSeconds: number };
  inlayHints: { specifiers: boolean; timeSpans: boolean; calendarElapses: boolean };
}

export interface ValidatedSettings {
  settings: Settings;
  /** One line per value that was not valid and was replaced by its default. */
  problems: string[];
}

/** Flattens `{lint: {"malformed-line": "off"}}` into `{"unitsmith.lint.malformed-line": "off"}`. */
function flatten(value: unknown, prefix: string, into: Map<string, unknown>): void {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, `${prefix}.${key}`, into);
  } else {
    into.set(prefix, value);
  }
}

function isValid(spec: SettingSpec, value: unknown): boolean {
  if (typeof value !== spec.type) return false;
  if (spec.enum && !spec.enum.includes(value as string)) return false;
  if (spec.pattern && !new RegExp(spec.pattern).test(value as string)) return false;
  if (spec.type === "number" && (!Number.isFinite(value) || (spec.minimum !== undefined && (value as number) < spec.minimum))) return false;
  return true;
}

/** Validates the client's `unitsmith` configuration section against the schema, filling defaults. */
export function validateSettings(section: unknown): ValidatedSettings {
  const given = new Map<string, unknown>();
  flatten(section ?? {}, "unitsmith", given);
  const problems: string[] = [];
  const value = (key: string): unknown => {
    const spec = settingsSchema[key]!;
    if (!given.has(key) || given.get(key) === undefined || given.get(key) === null) return spec.default;
    const candidate = given.get(key);
    if (isValid(spec, candidate)) return candidate;
    const expected = spec.enum
      ? `one of ${spec.enum.join(", ")}`
      : `a ${spec.type}${spec.minimum !== undefined ? ` of at least ${spec.minimum}` : ""}`;
    problems.push(`Setting ${key} is ${JSON.stringify(candidate)}; expected ${expected}. Using ${JSON.stringify(spec.default)}.`);
    return spec.default;
  };
  const lint: Record<string, SeveritySetting> = {};
  for (const key of Object.keys(settingsSchema)) {
    if (key.startsWith("unitsmith.lint.")) lint[key.slice("unitsmith.lint.".length)] = value(key) as SeveritySetting;
  }
  for (const key of given.keys()) {
    if (!(key in settingsSchema)) problems.push(`Unknown setting ${key}; it is ignored.`);
  }
  const version = value("unitsmith.systemdVersion") as string;
  const settings: Settings = {
    maxFileSizeKB: value("unitsmith.maxFileSizeKB") as number,
    lint,
    format: { keepSpacesAroundEquals: value("unitsmith.format.keepSpacesAroundEquals") as boolean },
    systemdVersion: version === "auto" ? "auto" : Number(version),
    verify: {
      onSave: value("unitsmith.verify.onSave") as boolean,
      showEnvironmentNoise: value("unitsmith.verify.showEnvironmentNoise") as boolean,
      timeoutSeconds: value("unitsmith.verify.timeoutSeconds") as number,
    },
    inlayHints: {
      specifiers: value("unitsmith.inlayHints.specifiers") as boolean,
      timeSpans: value("unitsmith.inlayHints.timeSpans") as boolean,
      calendarElapses: value("unitsmith.inlayHints.calendarElapses") as boolean,
    },
  };
  return { settings, problems };
}

export const defaultSettings: Settings = validateSettings({}).settings;
