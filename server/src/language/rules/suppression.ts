import type { RuleInfo } from "./rule";

export const unusedSuppression: RuleInfo = {
  id: "unused-suppression",
  defaultSeverity: "warning",
  description: "A unitsmith-disable comment that silences nothing: the rule reports nothing there, or the name is no rule's.",
};
