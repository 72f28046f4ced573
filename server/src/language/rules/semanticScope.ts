import type { Finding, RuleContext, RuleFamily, RuleInfo } from "./rule";

export const userInUserUnit: RuleInfo = {
  id: "user-in-user-unit",
  defaultSeverity: "warning",
  description: "User= or Group= in a user unit: the user's service manager cannot switch to another user.",
};

export const systemTargetInUserUnit: RuleInfo = {
  id: "system-target-in-user-unit",
  defaultSeverity: "warning",
  description: "A user unit that depends on or installs into a system target, which the user's service manager does not have.",
};

/** Targets of the system manager that people reach for in user units; the user manager has none of them. */
export const SYSTEM_ONLY_TARGETS = new Set([
  "multi-user.target",
  "graphical.target",
  "network.target",
  "network-online.target",
  "network-pre.target",
  "local-fs.target",
  "remote-fs.target",
  "sysinit.target",
]);

const DEPENDENCIES = new Set(["Wants", "Requires", "Requisite", "BindsTo", "PartOf", "Upholds", "After", "Before"]);
const INSTALLS = new Set(["WantedBy", "RequiredBy", "UpheldBy"]);

/** The target a user unit is usually installed into, for a system target. */
export const USER_DEFAULT_TARGET = "default.target";

export const scopeRules: RuleFamily = {
  rules: [userInUserUnit, systemTargetInUserUnit],
  check({ file, kind }: RuleContext): Finding[] {
    if (kind.scope !== "user" || kind.file?.family !== "unit") return [];
    const findings: Finding[] = [];
    for (const section of file.sections) {
      for (const entry of section.entries) {
        if (
          (entry.key === "User" || entry.key === "Group") &&
          section.name !== "Unit" &&
          section.name !== "Install" &&
          entry.value !== ""
        ) {
          findings.push({
            rule: userInUserUnit,
            span: entry.keySpan,
            message: `${entry.key}= in a user unit: the user's service manager runs everything as that user and fails to start the unit if ${entry.key}= names anyone else. Remove it, or install the unit as a system unit.`,
          });
        }
        const installs = section.name === "Install" && INSTALLS.has(entry.key);
        if (!installs && !(section.name === "Unit" && DEPENDENCIES.has(entry.key))) continue;
        for (const target of entry.value.split(/\s+/).filter((word) => SYSTEM_ONLY_TARGETS.has(word))) {
          const advice = installs ? ` Use ${entry.key}=${USER_DEFAULT_TARGET}.` : " Remove it.";
          findings.push({
            rule: systemTargetInUserUnit,
            span: entry.valueSpan,
            message: `The user's service manager has no ${target} (a system unit), so ${entry.key}=${target} does nothing in a user unit.${advice}`,
            data: { target },
          });
        }
      }
    }
    return findings;
  },
};
