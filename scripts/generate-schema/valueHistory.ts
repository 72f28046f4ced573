// Writes server/src/language/schema/generated/valueVersions.json: the systemd release that first
// accepted each enum value, and the one that stopped accepting it, read by running the directive
// reader of sourceTree.ts on every release tag of a systemd git repository in turn:
//   node --import tsx scripts/generate-schema/valueHistory.ts <systemd git dir> [--from v249]
// The newest state is the bundled directives.json (whose release the repository need not have).
// Tags before --from are not read (their gperf tables are m4, not Jinja), so a value already
// accepted by the first tag read carries no version: it is at least that old.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Directive, GeneratedSchema, ValueVersions, ValueVersion } from "../../server/src/language/schema/generated/types";
import { formatJson } from "./formatJson";
import { C_DIRS, GPERF, readTreeDirectives } from "./sourceTree";
import schemaJson from "../../server/src/language/schema/generated/directives.json";

const REPO = resolve(__dirname, "../..");
const OUT = join(REPO, "server/src/language/schema/generated/valueVersions.json");
const schema = schemaJson as unknown as GeneratedSchema;

const git = (dir: string, args: string[]) =>
  execFileSync("git", ["-C", dir, ...args], { encoding: "utf8", maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "pipe"] });

const versionOf = (tag: string) => Number(/^v(\d+)$/.exec(tag)?.[1] ?? NaN);
const keyOf = (d: Pick<Directive, "family" | "section" | "name">) => `${d.family}\0${d.section}\0${d.name}`;

/** What one release accepted: directive → its words (enum values and "prefix:" forms), or null when not an enum. */
type Release = Map<string, Set<string> | null>;

/** Every spelling systemd's parse_boolean() takes: an enum that accepts booleans, or a boolean, has had them all along. */
const BOOLEAN_WORDS = ["1", "yes", "y", "true", "t", "on", "0", "no", "n", "false", "f", "off"];

function wordsOf(d: Directive): Set<string> | null {
  if (d.kind === "boolean" || d.kind === "tristate") return new Set(BOOLEAN_WORDS);
  if (d.kind !== "enum") return null;
  return new Set([...d.values, ...(d.prefixes ?? []), ...(d.acceptsBoolean ? BOOLEAN_WORDS : [])]);
}
const release = (directives: Directive[]): Release => new Map(directives.map((d) => [keyOf(d), wordsOf(d)]));

function readTag(repo: string, tag: string): Release {
  const dir = mkdtempSync(join(tmpdir(), "unitsmith-history-"));
  try {
    const present = new Set(git(repo, ["ls-tree", "-r", "--name-only", "-d", tag, "src"]).split("\n"));
    const paths = [...C_DIRS.filter((d) => present.has(d)), ...Object.values(GPERF), "src/shared/install.c"];
    const tar = join(dir, "tree.tar");
    execFileSync("git", ["-C", repo, "archive", "--format=tar", "-o", tar, tag, ...new Set(paths)], { stdio: "ignore", timeout: 120_000 });
    execFileSync("tar", ["-xf", tar, "-C", dir], { stdio: "ignore", timeout: 120_000 });
    return release(readTreeDirectives(dir).directives);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parseArgs(argv: string[]): { repo: string; from: number } {
  const repo = argv.find((a, i) => !a.startsWith("--") && argv[i - 1] !== "--from");
  const fromIndex = argv.indexOf("--from");
  if (!repo) throw new Error("usage: valueHistory.ts <systemd git dir> [--from vNNN]");
  return { repo: resolve(repo), from: fromIndex >= 0 ? versionOf(argv[fromIndex + 1] ?? "") : 249 };
}

function main(): void {
  const { repo, from } = parseArgs(process.argv.slice(2));
  const newest = versionOf(schema.generatedFrom.systemd.tag);
  const tags = git(repo, ["tag", "--list", "v*"])
    .split("\n")
    .filter((t) => versionOf(t) >= from && versionOf(t) < newest)
    .sort((a, b) => versionOf(a) - versionOf(b));
  const releases: [number, Release][] = tags.map((tag) => {
    console.log(`reading ${tag}`);
    return [versionOf(tag), readTag(repo, tag)];
  });
  releases.push([newest, release(schema.directives)]);

  const values: ValueVersion[] = [];
  const unsure: string[] = [];
  const current = new Map(schema.directives.map((d) => [keyOf(d), d]));
  const keys = new Set(releases.flatMap(([, r]) => [...r].filter(([, words]) => words).map(([key]) => key)));
  for (const key of keys) {
    const directive = current.get(key);
    if (!directive) continue; // the directive itself is gone; the directive rules speak of it
    const accepted = wordsOf(directive);
    // Boolean spellings are listed only where a release added them to an enum that took none.
    const words = new Set(
      releases.flatMap(([, r]) => [...(r.get(key) ?? [])]).filter((w) => !BOOLEAN_WORDS.includes(w) || accepted?.has(w)),
    );
    for (const word of words) {
      let since: number | undefined;
      let removed: number | undefined;
      releases.forEach(([version, r], i) => {
        const has = r.get(key)?.has(word) ?? false;
        if (i === 0 || !has) {
          if (!has && since !== undefined && removed === undefined) removed = version;
          return;
        }
        const before = releases[i - 1]![1];
        if (before.get(key)?.has(word) || since !== undefined) return;
        const earlier = before.get(key);
        // A release without the directive: the directive's own version says it. One where it was
        // neither an enum nor a boolean: a parser this reader cannot follow back, so no story.
        if (earlier === undefined) return;
        if (earlier === null) {
          unsure.push(`${directive.section}.${directive.name}=${word} (v${version})`);
          return;
        }
        since = version;
      });
      if (releases[0]![1].get(key)?.has(word) && removed === undefined) continue;
      if (since === undefined && removed === undefined) continue;
      const { family, section, name } = directive;
      values.push({ family, section, name, value: word, ...(since !== undefined && { since }), ...(removed !== undefined && { removed }) });
    }
  }
  values.sort((a, b) => (keyOf(a) + "\0" + a.value < keyOf(b) + "\0" + b.value ? -1 : 1));
  const out: ValueVersions = {
    generator: "scripts/generate-schema",
    generatedFrom: { systemd: { first: `v${from}`, tags: tags.length + 1, newest: schema.generatedFrom.systemd } },
    values,
  };
  writeFileSync(OUT, formatJson(out) + "\n");
  console.log(`wrote ${values.length} values (${values.filter((v) => v.removed).length} removed); not judged: ${unsure.length}`);
  for (const line of unsure) console.log(`  ${line}`);
}

main();
