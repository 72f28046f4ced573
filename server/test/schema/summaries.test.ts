// The hand-written summaries against the generated knowledge base: each summary names something
// the generator emitted (or the overlay keeps), and everything emitted has a summary.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { schemaData, schemaOverlay, summaries } from "../../src/language/schema/schemaData";

/** Every key a summary may have, from the generated tables and the overlay. */
function expectedKeys(): { required: Set<string>; allowed: Set<string> } {
  const required = new Set<string>();
  const allowed = new Set<string>();
  const directive = (family: string, section: string, name: string, isRequired: boolean) => {
    // A summary is keyed by name, or by section and name where the meaning differs between sections.
    allowed.add(`${family}/${name}`);
    allowed.add(`${family}/${section}.${name}`);
    if (isRequired) required.add(`${family}/${section}.${name}`);
  };
  for (const d of schemaData.directives) directive(d.family, d.section, d.name, true);
  for (const change of schemaOverlay.changes) for (const section of change.sections) directive(change.family, section, change.name, false);
  for (const type of schemaData.quadlet.fileTypes) for (const key of type.keys) directive("quadlet", type.section, key, true);
  for (const key of schemaData.quadlet.quadletSectionKeys) directive("quadlet", "Quadlet", key, true);

  const sections = [
    ...[...new Set(Object.values(schemaData.fileTypes.unit).flat())].map((s) => `section:unit/${s}`),
    ...(["network", "netdev", "link"] as const).flatMap((family) => schemaData.fileTypes[family].map((s) => `section:${family}/${s}`)),
    ...schemaData.quadlet.fileTypes.map((t) => `section:quadlet/${t.section}`),
    "section:quadlet/Quadlet",
  ];
  for (const key of [...sections, ...schemaData.specifiers.map((s) => `specifier:%${s.letter}`)]) {
    required.add(key);
    allowed.add(key);
  }
  return { required, allowed };
}

/** Whether `key` (a "family/Section.Name" requirement) is met by a summary under either of its keys. */
function covered(key: string): boolean {
  if (Object.hasOwn(summaries, key)) return true;
  const m = /^([a-z]+)\/[^.]+\.(.+)$/.exec(key);
  return m !== null && Object.hasOwn(summaries, `${m[1]}/${m[2]}`);
}

describe("the hand-written summaries", () => {
  const { required, allowed } = expectedKeys();

  it("describe only what the generated tables hold: no orphan", () => {
    const orphans = Object.keys(summaries).filter((key) => !allowed.has(key));
    assert.deepEqual(orphans, []);
  });

  it("cover every generated directive, section, specifier and Quadlet key: none missing", () => {
    assert.ok(required.size > 2000, `only ${required.size} things to summarise`);
    const missing = [...required].filter((key) => !covered(key));
    assert.deepEqual(missing, []);
  });
});
