import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { rulePageOf } from "../language/rulePages";
import { RULE_PAGES_URI } from "../rulePagesLocation";

const paragraph = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * A rule's description in full, from its page: what it catches and why it matters (the first
 * paragraph and the "Why it matters" section); undefined when the page cannot be read.
 */
export function ruleFullDescription(ruleId: string): string | undefined {
  let page: string;
  try {
    page = readFileSync(fileURLToPath(rulePageOf(RULE_PAGES_URI, ruleId)), "utf8");
  } catch {
    return undefined;
  }
  const sections = page.split(/^## /m);
  const what = sections[0]?.split("\n\n").slice(2).join("\n\n");
  const why = sections.find((section) => section.startsWith("Why it matters"))?.replace(/^Why it matters/, "");
  return what && why ? `${paragraph(what)} ${paragraph(why)}` : undefined;
}
