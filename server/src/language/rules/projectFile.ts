import type { RuleInfo } from "./rule";

export const invalidProjectFile: RuleInfo = {
  id: "invalid-project-file",
  defaultSeverity: "error",
  description: "The project file (.unitsmith.json) above the unit cannot be read as a configuration, so none of it applies.",
};
