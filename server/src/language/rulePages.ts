/** The page of a rule under `base`, the address of the rule pages (a URI ending in "/"). */
export const rulePageOf = (base: string, ruleId: string): string => `${base}${ruleId}.md`;
