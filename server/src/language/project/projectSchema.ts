import { allRules } from "../rules/registry";
import { PROFILES } from "./profiles";
import { DISTRIBUTION_NAMES } from "../targets/targetList";

const SEVERITIES = ["ignore", "hint", "info", "warning", "error"];

/** The JSON schema of .unitsmith.json, from the rules and profiles; scripts/sync-manifest.ts writes it for the extension. */
export function projectSchema() {
  const target = { anyOf: [{ type: "integer", minimum: 1, maximum: 999 }, { enum: DISTRIBUTION_NAMES }] };
  const choices = {
    profile: {
      enum: [...PROFILES],
      description:
        "minimal: only what systemd refuses or drops (the rules that are errors by default); default: each rule's default severity; strict: every warning an error, hints and information as warnings.",
    },
    systemdVersion: {
      description:
        "The systems the units must work on: a systemd version, a distribution, or a list of them. Directives, values and command prefixes newer than a target are flagged, naming the targets that lack them.",
      anyOf: [target, { type: "array", items: target, minItems: 1 }],
    },
    rules: {
      type: "object",
      description: "A severity per rule id; applied after the profile.",
      properties: Object.fromEntries(
        allRules.map((rule) => [rule.id, { enum: SEVERITIES, description: `${rule.description} (default: ${rule.defaultSeverity})` }]),
      ),
      additionalProperties: false,
    },
  };
  const patterns = {
    type: "array",
    items: { type: "string" },
    description:
      "Paths relative to this file; * and ? within a name, ** across directories; a pattern without / matches a file name anywhere.",
  };
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "Unitsmith project file",
    description: "How Unitsmith lints the unit files under this directory, in the editor and on the command line.",
    type: "object",
    properties: {
      $schema: { type: "string" },
      ...choices,
      ignore: { ...patterns, description: `Files not linted at all. ${patterns.description}` },
      overrides: {
        type: "array",
        description: "Settings for some files; a later entry wins over earlier ones and over the top level.",
        items: {
          type: "object",
          properties: { files: { ...patterns, minItems: 1 }, ...choices },
          required: ["files"],
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  };
}
