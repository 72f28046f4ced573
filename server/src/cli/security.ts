import { readdir } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parseUnitFile } from "../language/parser";
import { formatTenths, unitExposure, type Exposure } from "../language/security/exposure";
import { exposureDiagnostics } from "../language/security/exposureFindings";
import { defaultSettings } from "../settings/settings";
import { collectFiles } from "./collectFiles";
import { displayPath } from "./displayPath";
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError, type CliIo } from "./io";
import { readUnitFile } from "./readUnitFile";
import { sarifReport } from "./sarif";

export const SECURITY_USAGE = `Usage: unitsmith security [--threshold N] [--format text|json|sarif] PATH...

Computes the exposure score of "systemd-analyze security --offline=true" (systemd 252) for
each .service file, from the file and the drop-ins in the FILE.d/ directory beside it: 0.0 (locked down) to 10.0 (fully exposed), and
which of its rows fail. Directories are searched for .service files.

  --threshold N            exit 1 when a score is above N (0 to 10, e.g. 5 or 7.5)
  --format text|json|sarif text: the failing rows and the overall score (default)
                           json: an array of {file, exposure, level, checks}
                           sarif: SARIF 2.1.0, one warning per failing row

Exit status: 0 all scores at or under the threshold, 1 some score above it, 2 usage or read errors.`;

interface Scored {
  file: string;
  text: string;
  exposure: Exposure;
}

function textReport({ file, exposure }: Scored): string {
  const failing = exposure.rows.filter((row) => row.set === false);
  const width = Math.max(0, ...failing.map((row) => row.check.id.length));
  const lines = failing.map((row) => `  ✗ ${row.check.id.padEnd(width)} ${(row.exposure ?? "0.0").padStart(4)}\n`);
  return `${file}\n${lines.join("")}→ Overall exposure level for ${basename(file)}: ${formatTenths(exposure.tenths)} ${exposure.level}\n`;
}

function jsonReport(results: readonly Scored[]): string {
  const rows = results.map(({ file, exposure }) => ({
    file,
    exposure: exposure.tenths / 10,
    level: exposure.level,
    checks: exposure.rows.map((row) => ({ name: row.check.id, json_field: row.check.jsonField, set: row.set, exposure: row.exposure })),
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** The texts of the drop-ins beside a unit file (`x.service.d/*.conf`), in the order systemd reads them. */
async function dropInTexts(path: string): Promise<string[]> {
  const directory = `${path}.d`;
  const names = await readdir(directory).catch(() => [] as string[]);
  const texts: string[] = [];
  for (const name of names.filter((each) => each.endsWith(".conf")).sort()) {
    const read = await readUnitFile(join(directory, name), defaultSettings.maxFileSizeKB * 1024);
    if ("text" in read) texts.push(read.text);
  }
  return texts;
}

function thresholdOf(text: string | undefined): number {
  if (text === undefined) return 100;
  if (!/^(10(\.0)?|\d(\.\d)?)$/.test(text))
    throw new UsageError(`--threshold takes a score from 0 to 10 with at most one decimal, not "${text}"`);
  return Math.round(Number(text) * 10);
}

export async function securityCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { threshold: { type: "string" }, format: { type: "string", default: "text" }, help: { type: "boolean" } },
  });
  if (values.help) {
    io.stdout(`${SECURITY_USAGE}\n`);
    return EXIT_OK;
  }
  const format = values.format!;
  if (!["text", "json", "sarif"].includes(format)) throw new UsageError(`unknown format "${format}"; expected text, json or sarif`);
  const threshold = thresholdOf(values.threshold);
  if (positionals.length === 0) throw new UsageError("no paths given; name the .service files or directories to score");

  const { files, errors } = await collectFiles(positionals, io.cwd);
  const results: Scored[] = [];
  for (const path of files) {
    const shown = displayPath(path, io.cwd);
    if (!path.endsWith(".service")) {
      if (positionals.some((p) => resolve(io.cwd, p) === path))
        errors.push({ path: shown, message: "is not a .service file; only services have an exposure score" });
      continue;
    }
    try {
      const read = await readUnitFile(path, defaultSettings.maxFileSizeKB * 1024);
      if (!("text" in read)) {
        errors.push({
          path: shown,
          message: `is ${Math.ceil(read.tooLarge / 1024)} KB, over the ${defaultSettings.maxFileSizeKB} KB limit`,
        });
        continue;
      }
      results.push({ file: shown, text: read.text, exposure: unitExposure([read.text, ...(await dropInTexts(path))]) });
    } catch (error) {
      errors.push({ path: shown, message: error instanceof Error ? error.message : String(error) });
    }
  }
  for (const error of errors) io.stderr(`${error.path}: ${error.message}\n`);
  if (format === "text") io.stdout(results.map(textReport).join("\n"));
  else if (format === "json") io.stdout(jsonReport(results));
  else {
    const diagnostics = results.map(({ file, text, exposure }) => ({
      file,
      diagnostics: exposureDiagnostics(parseUnitFile(text), exposure),
    }));
    io.stdout(sarifReport(diagnostics));
  }
  if (errors.length > 0) return EXIT_USAGE;
  return results.some((r) => r.exposure.tenths > threshold) ? EXIT_PROBLEMS : EXIT_OK;
}
