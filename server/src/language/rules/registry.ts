import type { RuleFamily, RuleInfo } from "./rule";
import { encodingRules } from "./encodingRules";
import { fileTooLarge } from "./limits";
import { schemaRules } from "./schemaRules";
import { syntaxRules } from "./syntaxRules";

export const ruleFamilies: readonly RuleFamily[] = [encodingRules, syntaxRules, schemaRules];

/** Every rule, in a stable order; each has a `unitsmith.lint.<id>` setting. */
export const allRules: readonly RuleInfo[] = [...ruleFamilies.flatMap((family) => family.rules), fileTooLarge];
