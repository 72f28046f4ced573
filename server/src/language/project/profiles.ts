import type { LintSeverities, SeveritySetting } from "../diagnostics";
import { allRules } from "../rules/registry";
import type { Severity } from "../rules/rule";

export const PROFILES = ["minimal", "default", "strict"] as const;
export type Profile = (typeof PROFILES)[number];

const stricter: Record<Severity, Severity> = { error: "error", warning: "error", info: "warning", hint: "warning" };

/**
 * Every rule's severity under a profile: `minimal` keeps only the rules that are errors by default
 * (what systemd refuses or drops), `default` the defaults, `strict` makes every warning an error
 * and shows hints and information as warnings.
 */
export function profileSeverities(profile: Profile): LintSeverities {
  const severity = (rule: (typeof allRules)[number]): SeveritySetting => {
    if (profile === "minimal") return rule.defaultSeverity === "error" ? "error" : "ignore";
    return profile === "strict" ? stricter[rule.defaultSeverity] : rule.defaultSeverity;
  };
  return Object.fromEntries(allRules.map((rule) => [rule.id, severity(rule)]));
}
