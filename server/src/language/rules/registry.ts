import type { RuleFamily, RuleInfo } from "./rule";
import { encodingRules } from "./encodingRules";
import { fileTooLarge } from "./limits";
import { schemaRules } from "./schemaRules";
import { dependencyRules } from "./semanticDependencies";
import { missingUnitRules, referenceRules } from "./semanticReferences";
import { duplicateRules } from "./semanticDuplicates";
import { installRules } from "./semanticInstall";
import { mountRules } from "./semanticMount";
import { scopeRules } from "./semanticScope";
import { serviceRules } from "./semanticService";
import { specifierRules } from "./semanticSpecifiers";
import { invalidProjectFile } from "./projectFile";
import { unusedSuppression } from "./suppression";
import { triggerRules } from "./semanticTriggers";
import { syntaxRules } from "./syntaxRules";
import { valueRules } from "./valueRules";
import { lineFormatRules } from "../lineFormats/rules";
import { valueVersionRules } from "./valueVersionRules";

export const ruleFamilies: readonly RuleFamily[] = [
  encodingRules,
  syntaxRules,
  schemaRules,
  valueRules,
  valueVersionRules,
  serviceRules,
  triggerRules,
  mountRules,
  scopeRules,
  specifierRules,
  dependencyRules,
  missingUnitRules,
  referenceRules,
  installRules,
  duplicateRules,
];

/** Every rule, in a stable order; each has a `unitsmith.lint.<id>` setting. */
export const allRules: readonly RuleInfo[] = [
  ...ruleFamilies.flatMap((family) => family.rules),
  ...lineFormatRules,
  fileTooLarge,
  unusedSuppression,
  invalidProjectFile,
];
