/** The pages made so far, by base and rule: one string each, so that comparing a diagnostic's page with another is quick. */
const pages = new Map<string, Map<string, string>>();

/** The page of a rule under `base`, the address of the rule pages (a URI ending in "/"). */
export function rulePageOf(base: string, ruleId: string): string {
  let ofBase = pages.get(base);
  if (!ofBase) pages.set(base, (ofBase = new Map()));
  let page = ofBase.get(ruleId);
  if (page === undefined) ofBase.set(ruleId, (page = `${base}${ruleId}.md`));
  return page;
}
