import fc from "fast-check";
import { fileSchemaFor } from "../../server/src/language/schema/fileSchema";
import { unitKind } from "../../server/src/language/unitKind";
import { exampleValue } from "./exampleValues";

/** Paths of every kind the server tells apart (the line formats too), including names no shell should ever see unquoted. */
export const PATHS = [
  "/etc/systemd/system/app.service",
  "/etc/systemd/system/app@.service",
  "/home/u/.config/systemd/user/job.timer",
  "/etc/systemd/system/app.socket",
  "/etc/systemd/system/data.mount",
  "/etc/systemd/system/watch.path",
  "/etc/systemd/system/app.service.d/override.conf",
  "/etc/systemd/network/10-eth.network",
  "/etc/systemd/network/br0.netdev",
  "/etc/systemd/network/10-eth.link",
  "/etc/containers/systemd/web.container",
  "/etc/containers/systemd/data.volume",
  "/usr/lib/tmpfiles.d/app.conf",
  "/usr/lib/sysusers.d/app.conf",
  "/etc/udev/rules.d/70-app.rules",
  "/usr/lib/udev/hwdb.d/70-app.hwdb",
  "/etc/sysctl.d/70-app.conf",
  "/usr/lib/binfmt.d/app.conf",
  "/etc/environment.d/app.conf",
  "/usr/lib/systemd/system-preset/70-app.preset",
  "/etc/os-release",
  "/tmp/a b;rm -rf.service",
  "/tmp/$(x).service",
  "/tmp/notes.txt",
] as const;

const LINE_ENDS = ["\n", "\r\n", "\r"] as const;

/** A unit made of the sections and directives the knowledge base knows for `path`, with plausible values. */
export function validUnit(path: string): fc.Arbitrary<string> {
  const schema = fileSchemaFor(unitKind(path));
  const sections = schema?.sections.length ? schema.sections : ["Unit"];
  const entry = fc.record({ directive: fc.nat(), value: fc.nat(), spaced: fc.boolean() });
  const section = fc.record({ section: fc.nat(), entries: fc.array(entry, { maxLength: 12 }) });
  return fc.tuple(fc.array(section, { minLength: 1, maxLength: 4 }), fc.constantFrom(...LINE_ENDS)).map(([chosen, eol]) => {
    const lines: string[] = [];
    for (const { section: s, entries } of chosen) {
      const name = sections[s % sections.length]!;
      lines.push(`[${name}]`);
      const directives = schema?.directives(name) ?? [];
      for (const { directive, value, spaced } of entries) {
        const info = directives[directive % Math.max(1, directives.length)];
        const key = info?.name ?? "Description";
        const text = info ? exampleValue(info.value, value) : "x";
        lines.push(spaced ? `${key} = ${text}` : `${key}=${text}`);
      }
      lines.push("");
    }
    return lines.join(eol);
  });
}

/** Pieces that hit the parser's and the features' edge cases when spliced in anywhere. */
const splice = fc.oneof(
  fc.constantFrom("[", "]", "=", "\\", "\\\n", "\n", "\r", "\r\n", "#", ";", "%", "%%", "%n", "\0", "\uFEFF", "\uFFFD", "𝄞", "\t", " = "),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: "binary", maxLength: 4 }),
);

const mutation = fc.record({ at: fc.nat(), cut: fc.nat({ max: 12 }), insert: splice });

/** A valid unit with characters cut and edge-case pieces spliced in at random places. */
export function mutatedUnit(path: string): fc.Arbitrary<string> {
  return fc.tuple(validUnit(path), fc.array(mutation, { minLength: 1, maxLength: 8 })).map(([text, mutations]) =>
    mutations.reduce((current, { at, cut, insert }) => {
      const offset = at % (current.length + 1);
      return current.slice(0, offset) + insert + current.slice(offset + cut);
    }, text),
  );
}

/** Arbitrary text: any code units (lone surrogates included), or random bytes read as UTF-8 with replacement. */
export const randomText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 400 }),
  fc.string({ unit: fc.constantFrom("[", "]", "=", "\\", "\n", "\r", " ", "#", "A", "%"), maxLength: 200 }),
  fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes).toString("utf8")),
);

export interface FuzzCase {
  path: string;
  text: string;
  /** Raw numbers mapped onto the document's lines and columns by `positionsIn`. */
  spots: [number, number][];
}

/** A path, a document for it (valid, mutated or random), and places to ask about. */
export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.constantFrom(...PATHS).chain((path) =>
  fc.record({
    path: fc.constant(path),
    text: fc.oneof(
      { weight: 3, arbitrary: validUnit(path) },
      { weight: 4, arbitrary: mutatedUnit(path) },
      { weight: 2, arbitrary: randomText },
    ),
    spots: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 }),
  }),
);
