// Loads the committed directive data and overlay for the schema tests, and answers "does the
// data know this directive here?" the way a linter would: generated tables first, then overlay.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { GeneratedConfigSchema } from "../../src/language/schema/generated/configTypes";
import type { DirectiveFamily, GeneratedSchema, SchemaOverlay } from "../../src/language/schema/generated/types";

export const schemaDir = join(__dirname, "../../src/language/schema");

export const schema = JSON.parse(readFileSync(join(schemaDir, "generated/directives.json"), "utf8")) as GeneratedSchema;
export const overlay = JSON.parse(readFileSync(join(schemaDir, "overlay.json"), "utf8")) as SchemaOverlay;

const key = (family: DirectiveFamily, section: string, name: string) => `${family}\0${section}\0${name}`;
const configFiles = JSON.parse(readFileSync(join(schemaDir, "generated/configFiles.json"), "utf8")) as GeneratedConfigSchema;
const generated = new Set(
  [...schema.directives, ...configFiles.directives].map((d) => key(d.family as DirectiveFamily, d.section, d.name)),
);
const changed = new Set(overlay.changes.flatMap((c) => c.sections.map((s) => key(c.family, s, c.name))));

export function inGenerated(family: DirectiveFamily, section: string, name: string): boolean {
  return generated.has(key(family, section, name));
}

export function inOverlay(family: DirectiveFamily, section: string, name: string): boolean {
  return changed.has(key(family, section, name));
}

export function isKnown(family: DirectiveFamily, section: string, name: string): boolean {
  return inGenerated(family, section, name) || inOverlay(family, section, name);
}

/** Sections a unit of this type ("service", ...) or networkd file ("network", ...) may hold. */
export function sectionsFor(family: DirectiveFamily, type: string): string[] | undefined {
  return family === "unit" ? schema.fileTypes.unit[type] : schema.fileTypes[family];
}
