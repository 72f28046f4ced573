import { join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * The rule pages of this copy of Unitsmith as a file URI ending in "/": the build copies
 * docs/rules/ beside the bundles (server/dist/rules/, shipped in the npm package and the .vsix);
 * run from the sources, they are the repository's docs/rules/. A page of the installed copy
 * opens offline and describes the rules of the version that reported the finding.
 */
export const RULE_PAGES_URI = `${pathToFileURL(join(__dirname, __dirname.endsWith("dist") ? "rules" : "../../docs/rules")).href}/`;
