// Compares the offline exposure score with `systemd-analyze security --offline=true` on this machine:
// the overall score to one decimal and every row's verdict (pass, fail, not applicable).
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parseUnitFile } from "../../src/language/parser";
import { formatTenths, serviceExposure, unitExposure } from "../../src/language/security/exposure";
import { hasSystemdAnalyze } from "../values/systemdAnalyze";
import { dropInVariants, installedServices, serviceVariants } from "./serviceVariants";

const BATCH = 60;

function analyze(args: string[], runtimeDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      "systemd-analyze",
      ["security", "--offline=true", ...args],
      {
        env: { ...process.env, XDG_RUNTIME_DIR: runtimeDir, SYSTEMD_COLORS: "0", SYSTEMD_PAGER: "cat", LC_ALL: "C.UTF-8" },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 120_000,
      },
      (error, stdout) => (error && !stdout ? reject(error) : resolve(stdout)),
    );
  });
}

interface Verdicts {
  overall: string;
  rows: Map<string, boolean | null>;
}

/** systemd's verdicts for a batch of files, in order: the JSON rows and the text's overall line. */
async function systemdVerdicts(paths: string[], runtimeDir: string): Promise<Verdicts[]> {
  const [json, text] = await Promise.all([analyze(["--json=short", "--", ...paths], runtimeDir), analyze(["--", ...paths], runtimeDir)]);
  const tables = json.split("\n").filter((line) => line.startsWith("["));
  const overall = [...text.matchAll(/Overall exposure level for .*?: (\d+\.\d) /g)].map((m) => m[1]!);
  assert.equal(tables.length, paths.length, "one JSON table per file");
  assert.equal(overall.length, paths.length, "one overall score per file");
  return tables.map((table, i) => {
    const rows = JSON.parse(table) as { set: boolean | null; json_field: string }[];
    return { overall: overall[i]!, rows: new Map(rows.map((row) => [row.json_field, row.set])) };
  });
}

test(
  "exposure scores agree with systemd-analyze security --offline=true",
  { skip: !hasSystemdAnalyze() && "systemd-analyze is not installed" },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), "unitsmith-exposure-"));
    try {
      const variants = serviceVariants(400, 20261202).map((text, i) => {
        const path = join(dir, `variant${i}.service`);
        writeFileSync(path, text);
        return path;
      });
      // Drop-ins in x.service.d/ beside the file: systemd-analyze reads them too.
      const split = dropInVariants(150, 20261203).map(({ fragment, dropIns }, i) => {
        const path = join(dir, `split${i}.service`);
        writeFileSync(path, fragment);
        mkdirSync(`${path}.d`);
        for (const [name, text] of dropIns) writeFileSync(join(`${path}.d`, name), text);
        return { path, texts: [fragment, ...dropIns.map(([, text]) => text)] };
      });
      const splitTexts = new Map(split.map(({ path, texts }) => [path, texts]));
      const installed = installedServices();
      const paths = [...installed, ...variants, ...split.map(({ path }) => path)];
      const batches: string[][] = [];
      for (let i = 0; i < paths.length; i += BATCH) batches.push(paths.slice(i, i + BATCH));
      const expected = (await Promise.all(batches.map((batch) => systemdVerdicts(batch, dir)))).flat();
      const disagreements: string[] = [];
      const levels = new Set<string>();
      paths.forEach((path, i) => {
        const texts = splitTexts.get(path);
        const ours = texts ? unitExposure(texts) : serviceExposure(parseUnitFile(readFileSync(path, "utf8")));
        const theirs = expected[i]!;
        levels.add(ours.level);
        const problems: string[] = [];
        if (formatTenths(ours.tenths) !== theirs.overall) problems.push(`overall ${formatTenths(ours.tenths)}, systemd ${theirs.overall}`);
        for (const row of ours.rows) {
          const set = theirs.rows.get(row.check.jsonField);
          if (set !== row.set) problems.push(`${row.check.id} ${String(row.set)}, systemd ${String(set)}`);
        }
        if (theirs.rows.size !== ours.rows.length) problems.push(`${ours.rows.length} rows, systemd ${theirs.rows.size}`);
        if (problems.length > 0) disagreements.push(`${path}: ${problems.join("; ")}`);
      });
      console.log(
        `exposure: ${installed.length} installed services, ${variants.length} variants, ${split.length} with drop-ins, ${disagreements.length} disagreements`,
      );
      assert.ok(installed.length > 0 || !hasSystemdAnalyze(), "the machine's services are compared");
      assert.ok(levels.size >= 4, `scores span several levels (${[...levels].join(", ")})`);
      assert.deepEqual(disagreements.slice(0, 15), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
