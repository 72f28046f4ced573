import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import type { Diagnostic } from "vscode-languageserver-types";
import { computeDiagnostics } from "../../src/language/diagnostics";
import { parseUnitFile } from "../../src/language/parser";
import { fileSchemaFor } from "../../src/language/schema/fileSchema";
import { unitKind } from "../../src/language/unitKind";
import { verifyDocument } from "../../src/systemd/analyzeVerify";
import { parentUnitBeside } from "../../src/systemd/verifyFile";
import { installedUnitFiles } from "../language/installedUnitFiles";
import { FAULT_CLASSES, mutate, RARE_CLASSES, type FaultClass, type Mutant, type Source } from "./faults";
import { Random } from "./random";

// Sizes chosen to stay near a minute on two shared cores: every run of systemd-analyze costs ~0.2 s.
const SEED = 0x5eed2024;
const POOL_SIZE = 80;
const PER_CLASS = 40;
const PARALLEL = 3;

function sources(): Source[] {
  return installedUnitFiles().flatMap((path): Source[] => {
    const kind = unitKind(path);
    const schema = fileSchemaFor(kind);
    if (kind.file?.family !== "unit" || kind.dropIn || !schema) return [];
    const text = readFileSync(path, "utf8");
    const typeSection = schema.sections.find((s) => s !== "Unit" && s !== "Install") ?? "";
    return [{ path, text, file: parseUnitFile(text), schema, typeSection }];
  });
}

/** Rare kinds are in few units: each of those units is mutated this many times (different faults). */
const RARE_ROUNDS = 4;

function generate(pool: readonly Source[], all: readonly Source[], random: Random): Mutant[] {
  return FAULT_CLASSES.flatMap((faultClass) => {
    const rare = RARE_CLASSES.has(faultClass);
    const made = new Map<string, Mutant>();
    for (let round = 0; round < (rare ? RARE_ROUNDS : 1) && made.size < PER_CLASS; round++) {
      for (const source of random.shuffled(rare ? all : pool)) {
        const mutant = mutate(source, faultClass, random);
        if (mutant && !made.has(mutant.text)) made.set(mutant.text, mutant);
        if (made.size === PER_CLASS) break;
      }
    }
    return [...made.values()];
  });
}

/** systemd-analyze verify's diagnostics for `text` as the file at `path`; undefined when it could not run. */
async function verify(path: string, text: string): Promise<Diagnostic[] | undefined> {
  const outcome = await verifyDocument({ path, text, kind: unitKind(path), findParentUnit: parentUnitBeside, timeoutMs: 30_000 });
  return outcome.ran ? outcome.diagnostics : undefined;
}

async function inParallel<T, R>(items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await run(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return results;
}

const lint = (path: string, text: string) => computeDiagnostics(parseUnitFile(text), unitKind(path));
const messageOf = (d: Diagnostic) => (typeof d.message === "string" ? d.message : d.message.value);
const row = (d: Diagnostic) => `${String(d.code)} ${messageOf(d)}`;

function withoutLine(text: string, line: number): string {
  const lines = text.split("\n");
  lines.splice(line, 1);
  return lines.join("\n");
}

/** Diagnostics in `after` off the faulty line that `before` does not have, compared by text (lines may shift). */
function newElsewhere(line: number, before: readonly Diagnostic[], after: readonly Diagnostic[], text = row): string[] {
  const left = new Map<string, number>();
  for (const d of before) left.set(text(d), (left.get(text(d)) ?? 0) + 1);
  const added: string[] = [];
  for (const d of after) {
    if (d.range.start.line === line) continue;
    const n = left.get(text(d)) ?? 0;
    if (n > 0) left.set(text(d), n - 1);
    else added.push(`${d.range.start.line + 1}: ${text(d)}`);
  }
  return added;
}

describe("mutants of the installed unit files", () => {
  it("as-you-type diagnostics report on the faulty line what systemd-analyze verify reports there", async () => {
    const random = new Random(SEED);
    const all = sources();
    const pool = random.shuffled(all).slice(0, POOL_SIZE);
    const mutants = generate(pool, all, random);
    assert.ok(mutants.length >= 200, `only ${mutants.length} mutants`);

    const originals = [...new Set(mutants.map((m) => m.source))];
    const originalVerify = new Map(
      (await inParallel(originals, async (s) => [s, await verify(s.path, s.text)] as const)).map(([s, d]) => [s, d]),
    );
    const mutantVerify = await inParallel(mutants, (m) => verify(m.source.path, m.text));

    const stats = new Map<FaultClass, { generated: number; reported: number; found: number; foundOfAll: number }>();
    const missed: string[] = [];
    const extra: string[] = [];
    mutants.forEach((mutant, i) => {
      const stat = stats.get(mutant.faultClass) ?? { generated: 0, reported: 0, found: 0, foundOfAll: 0 };
      stats.set(mutant.faultClass, stat);
      stat.generated++;
      const ours = lint(mutant.source.path, mutant.text);
      const found = ours.some((d) => d.range.start.line === mutant.line);
      if (found) stat.foundOfAll++;
      const original = originalVerify.get(mutant.source);
      const verified = mutantVerify[i];
      if (!original || !verified) return;
      const known = new Set(original.map(messageOf));
      if (!verified.some((d) => d.range.start.line === mutant.line && !known.has(messageOf(d)))) return;
      stat.reported++;
      const where = `${mutant.source.path}:${mutant.line + 1} (${mutant.faultClass}: ${mutant.description})`;
      if (found) stat.found++;
      else missed.push(`${where}; systemd-analyze says: ${verified.filter((d) => d.range.start.line === mutant.line).map(messageOf)}`);
      // A knock-on effect systemd agrees with (Type=onesoht makes a second ExecStart= an error) is no false positive.
      if (newElsewhere(mutant.line, original, verified, messageOf).length > 0) return;
      // systemd ignores the faulty assignment, so what follows from its absence (an [Install] section
      // left without its only target, say) is a true consequence, not a false positive.
      const absent = lint(mutant.source.path, withoutLine(mutant.text, mutant.line));
      for (const added of newElsewhere(mutant.line, [...lint(mutant.source.path, mutant.source.text), ...absent], ours))
        extra.push(`${where} added ${added}`);
    });

    for (const [faultClass, s] of stats) {
      const recall = s.reported ? `${((100 * s.found) / s.reported).toFixed(1)}% (${s.found}/${s.reported})` : "n/a: verify reports none";
      console.log(
        `${faultClass.padEnd(20)} generated ${String(s.generated).padStart(3)}, reported by verify ${String(s.reported).padStart(3)}, recall ${recall}; found on the line in ${s.foundOfAll}/${s.generated} generated`,
      );
    }
    const reported = [...stats.values()].reduce((n, s) => n + s.reported, 0);
    const found = [...stats.values()].reduce((n, s) => n + s.found, 0);
    console.log(`overall recall ${((100 * found) / reported).toFixed(1)}% of ${reported} mutants systemd-analyze verify reports`);
    assert.ok(reported >= 150, `systemd-analyze verify reported only ${reported} mutants`);
    assert.ok(found >= 0.99 * reported, `missed:\n${missed.join("\n")}`);
    // The value kinds checked against systemd's name tables and address grammar miss nothing.
    for (const faultClass of RARE_CLASSES) {
      const s = stats.get(faultClass);
      assert.ok(s && s.reported >= 5, `${faultClass}: only ${s?.reported ?? 0} mutants systemd-analyze verify reports`);
      assert.equal(s.found, s.reported, `${faultClass}: missed\n${missed.filter((m) => m.includes(`(${faultClass}:`)).join("\n")}`);
    }
    assert.deepEqual(extra, []);
  });
});
