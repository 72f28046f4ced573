import type { LintSeverities, SeveritySetting } from "../diagnostics";
import { allRules } from "../rules/registry";
import type { TargetSystemd } from "../rules/rule";
import { DISTRIBUTION_NAMES, parseTargetList, targetSystemdOf } from "../targets/targetList";
import { matchesAny } from "./glob";
import { PROFILES, profileSeverities, type Profile } from "./profiles";

/** The project file's name: found by walking up from the unit file. */
export const PROJECT_FILE = ".unitsmith.json";
/** Larger project files are refused rather than read. */
const MAX_BYTES = 256 * 1024;

/** What a project file and each of its overrides may set. */
export interface LintChoices {
  profile?: Profile;
  /**
   * The systems the units must work on: a systemd version, a distribution ("debian-12"), or a
   * list of them; a finding names the targets that lack what it needs.
   */
  systemdVersion?: TargetItem | TargetItem[];
  rules?: LintSeverities;
}

export interface ProjectConfig extends LintChoices {
  /** Paths (relative to the project file) that are not linted at all. */
  ignore?: string[];
  /** Later entries win over earlier ones and over the top level, for the files they match. */
  overrides?: (LintChoices & { files: string[] })[];
}

export type LoadedProject = { path: string; config: ProjectConfig } | { path: string; error: string };

const SEVERITIES: readonly SeveritySetting[] = ["ignore", "hint", "info", "warning", "error"];
const ruleIds = new Set(allRules.map((rule) => rule.id));
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === "string");
type TargetItem = number | string;
const isVersion = (value: unknown) => Number.isInteger(value) && (value as number) >= 1 && (value as number) < 1000;
const isTarget = (value: unknown) => isVersion(value) || (typeof value === "string" && DISTRIBUTION_NAMES.includes(value));

/** The problems of one level of choices, each naming where it is. */
function choiceProblems(choices: Record<string, unknown>, where: string, allowed: readonly string[]): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(choices)) if (!allowed.includes(key)) problems.push(`${where}"${key}" is no setting of the project file`);
  const { profile, systemdVersion, rules } = choices;
  if (profile !== undefined && !PROFILES.includes(profile as Profile))
    problems.push(`${where}"profile" must be one of ${PROFILES.join(", ")}`);
  const versions = Array.isArray(systemdVersion) ? systemdVersion : [systemdVersion];
  if (systemdVersion !== undefined && (versions.length === 0 || !versions.every(isTarget))) {
    problems.push(
      `${where}"systemdVersion" must be a version such as 252, a distribution (${DISTRIBUTION_NAMES.join(", ")}), or a list of them`,
    );
  }
  if (rules !== undefined && !isObject(rules)) problems.push(`${where}"rules" must map rule ids to severities`);
  for (const [id, severity] of Object.entries(isObject(rules) ? rules : {})) {
    if (!ruleIds.has(id)) problems.push(`${where}"${id}" is no rule of Unitsmith`);
    else if (!SEVERITIES.includes(severity as SeveritySetting)) problems.push(`${where}"${id}" must be one of ${SEVERITIES.join(", ")}`);
  }
  return problems;
}

/** The project file's text checked against what it may say; the first problems found, or the configuration. */
export function parseProjectConfig(text: string): { config: ProjectConfig } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `it is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!isObject(value)) return { error: "it must hold a JSON object" };
  const problems = choiceProblems(value, "", ["$schema", "profile", "systemdVersion", "rules", "ignore", "overrides"]);
  if (value.ignore !== undefined && !isStrings(value.ignore)) problems.push(`"ignore" must be a list of path patterns`);
  if (value.overrides !== undefined && !Array.isArray(value.overrides)) problems.push(`"overrides" must be a list`);
  (Array.isArray(value.overrides) ? value.overrides : []).forEach((override: unknown, i) => {
    const where = `overrides[${i}]: `;
    if (!isObject(override)) return void problems.push(`${where}must be an object`);
    if (!isStrings(override.files) || override.files.length === 0) problems.push(`${where}"files" must be a list of path patterns`);
    problems.push(...choiceProblems(override, where, ["files", "profile", "systemdVersion", "rules"]));
  });
  return problems.length > 0 ? { error: problems.slice(0, 3).join("; ") } : { config: value as ProjectConfig };
}

const parentOf = (directory: string) => directory.slice(0, Math.max(directory.lastIndexOf("/"), 0)) || "/";

/** The nearest project file above an absolute path (the file's own directory first); undefined when there is none. */
export async function findProjectConfig(
  readFile: (path: string, maxBytes: number) => Promise<string | undefined>,
  filePath: string,
): Promise<LoadedProject | undefined> {
  if (!filePath.startsWith("/")) return undefined;
  let directory = parentOf(filePath);
  for (;;) {
    const path = `${directory === "/" ? "" : directory}/${PROJECT_FILE}`;
    const text = await readFile(path, MAX_BYTES + 1);
    if (text !== undefined) {
      if (text.length > MAX_BYTES) return { path, error: `it is larger than ${MAX_BYTES / 1024} KB` };
      const parsed = parseProjectConfig(text);
      return "config" in parsed ? { path, config: parsed.config } : { path, error: parsed.error };
    }
    if (directory === "/") return undefined;
    directory = parentOf(directory);
  }
}

/** What the command line sets; it wins over the project file. */
export interface LintFlags {
  profile?: Profile;
  target?: TargetSystemd;
}

export interface LintSettings {
  severities: LintSeverities;
  target: TargetSystemd;
}

function apply(settings: LintSettings, choices: LintChoices): LintSettings {
  const parsed = choices.systemdVersion === undefined ? undefined : parseTargetList([choices.systemdVersion].flat().map(String));
  return {
    severities: { ...settings.severities, ...(choices.profile && profileSeverities(choices.profile)), ...choices.rules },
    target: parsed && "targets" in parsed ? targetSystemdOf(parsed.targets) : settings.target,
  };
}

/**
 * The lint settings for one file: the editor's settings (or the defaults), then the project file's
 * profile, rules and target, then each override that matches the file in order, then the command
 * line's flags. Undefined when the project file ignores the file.
 */
export function settingsForFile(
  base: LintSettings,
  project: ProjectConfig | undefined,
  relativePath: string,
  flags: LintFlags = {},
): LintSettings | undefined {
  if (project && matchesAny(project.ignore, relativePath)) return undefined;
  let settings = project ? apply(base, project) : base;
  for (const override of project?.overrides ?? []) if (matchesAny(override.files, relativePath)) settings = apply(settings, override);
  return {
    severities: flags.profile ? { ...settings.severities, ...profileSeverities(flags.profile) } : settings.severities,
    target: flags.target ?? settings.target,
  };
}
