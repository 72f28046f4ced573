import generated from "./generated/directives.json";
import generatedConfig from "./generated/configFiles.json";
import type { GeneratedConfigSchema } from "./generated/configTypes";
import type { GeneratedSchema, SchemaOverlay } from "./generated/types";
import overlay from "./overlay.json";
import networkSummaries from "./summaries/network.json";
import otherSummaries from "./summaries/other.json";
import enumValueMeanings from "./summaries/enumValues.json";
import unitSummaries from "./summaries/unit.json";

/** A line of the project's own documentation for a directive, section or specifier. */
export interface Summary {
  summary: string;
  default?: string;
}

export const schemaData = generated as unknown as GeneratedSchema;
export const schemaOverlay = overlay as SchemaOverlay;
/** The keys of systemd's own configuration and definition files. */
export const configSchemaData = generatedConfig as unknown as GeneratedConfigSchema;

/**
 * Keys: `unit/ExecStart`, `unit/Socket.DirectoryMode` (where the meaning depends on the section),
 * `section:unit/Service`, `specifier:%n`, `quadlet/Container.Image`.
 */
export const summaries: Readonly<Record<string, Summary>> = { ...unitSummaries, ...networkSummaries, ...otherSummaries };

/** What each value of an enum directive means: `unit/Restart` → `on-failure` → one line. */
const enumMeanings: Readonly<Record<string, Readonly<Record<string, string>>>> = enumValueMeanings;

export function enumValueMeaning(family: string, section: string, name: string, value: string): string | undefined {
  return (enumMeanings[`${family}/${section}.${name}`] ?? enumMeanings[`${family}/${name}`])?.[value];
}
