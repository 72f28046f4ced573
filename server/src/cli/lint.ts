import { parseArgs } from "node:util";
import { TextDocument } from "vscode-languageserver-textdocument";
import { CodeActionKind, DiagnosticSeverity, type Diagnostic } from "vscode-languageserver-types";
import { fileUri } from "../language/fileUri";
import { createUnitLanguageService, type UnitLanguageService } from "../language/languageService";
import { LANGUAGE_ID } from "../protocol/languageId";
import { createManPageLibrary } from "../systemd/manPages";
import { verifyFile } from "../systemd/verifyFile";
import { defaultSettings } from "../settings/settings";
import { createNodeHost } from "../workspace/nodeHost";
import { collectFiles } from "./collectFiles";
import { displayPath } from "./displayPath";
import { RULE_PAGES_URI } from "../rulePagesLocation";
import type { TargetSystemd } from "../language/rules/rule";
import { PROFILES, type Profile } from "../language/project/profiles";
import { detectInstalledSystemd } from "../systemd/installedSystemd";
import { DISTRIBUTION_NAMES, parseTargetList, targetSystemdOf } from "../language/targets/targetList";
import { jsonReport, textReport, type FileDiagnostics } from "./lintReports";
import { sarifReport } from "./sarif";
import { againstBaseline } from "./baseline";
import { checkstyleReport, githubReport, junitReport } from "./ciReports";
import { fixText } from "./fixFile";
import { unifiedDiff } from "./unifiedDiff";
import { writeFileAtomically } from "./writeFileAtomically";
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError, type CliIo } from "./io";
import { readUnitFile } from "./readUnitFile";

export const LINT_USAGE = `Usage: unitsmith lint [--format FORMAT] [--strict] [--max-warnings N] [--verify]
                      [--target LIST|auto] [--profile minimal|default|strict]
                      [--fix | --fix-dry-run] [--baseline FILE] PATH...

Checks systemd unit files, drop-ins, networkd and Podman Quadlet files with the same
diagnostics as the language server. Directories are searched recursively for files
whose names make them one of those kinds.

  --format FORMAT      text: path:line:col: severity: message [rule-id] (default)
                       json: an array of {file, range, severity, code, source, message}
                       sarif: SARIF 2.1.0 for code-scanning in CI pipelines
                       github: GitHub Actions annotations (::error file=...::message)
                       checkstyle: Checkstyle XML; junit: JUnit XML, a failing case per finding
  --strict             exit 1 on warnings too, not only on errors
  --max-warnings N     exit 1 when there are more than N warnings
  --fix                apply the safe quick fixes (deprecated names, misplaced directives,
                       misspellings with one candidate, a missing Wants=) and say what changed;
                       a file with an unreadable or ambiguous finding is left as it is
  --fix-dry-run        print the changes --fix would make as a unified diff; write nothing
  --baseline FILE      report only findings not recorded in FILE; when FILE does not exist,
                       record today's findings in it
  --verify             also run systemd-analyze verify on a copy of each unit and merge
                       what it reports (source systemd-analyze)
  --target LIST        the systems the units must run on, comma-separated: systemd
                       versions (252) and distributions (${DISTRIBUTION_NAMES.join(", ")});
                       directives, values and command prefixes newer than a target are
                       flagged, naming the targets that lack them. "auto" asks the installed
                       systemd (and its list of accepted directives). Default: the newest,
                       or the project file's systemdVersion. --systemd-version is the same flag
  --profile NAME       minimal (only what systemd refuses or drops), default, or strict
                       (warnings are errors); wins over the project file's rules

The nearest .unitsmith.json above each file (its own directory first) sets rule severities,
the target systemd, files to ignore and per-path overrides; the flags above win over it.

Exit status: 0 clean, 1 problems found, 2 usage or read errors.`;

/** The quick fixes the language service offers for one diagnostic. */
const quickFixesFor = (service: UnitLanguageService, document: TextDocument, diagnostic: Diagnostic) =>
  service.codeActions(document, { diagnostics: [diagnostic], only: [CodeActionKind.QuickFix] });

const reports = {
  text: textReport,
  json: jsonReport,
  sarif: sarifReport,
  github: githubReport,
  checkstyle: checkstyleReport,
  junit: junitReport,
};

/** The systemd to judge against: a list of versions and distributions, the installed one ("auto"), or the newest known. */
async function targetOf(option: string | undefined): Promise<TargetSystemd> {
  if (option === undefined) return {};
  if (option === "auto") return detectInstalledSystemd();
  const parsed = parseTargetList(option);
  if ("unknown" in parsed) {
    throw new UsageError(
      `--target takes versions such as 252 and distributions (${DISTRIBUTION_NAMES.join(", ")}), separated by commas, or auto; not "${parsed.unknown || option}"`,
    );
  }
  return targetSystemdOf(parsed.targets);
}

export async function lintCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: "string", default: "text" },
      strict: { type: "boolean", default: false },
      verify: { type: "boolean", default: false },
      target: { type: "string" },
      "systemd-version": { type: "string" },
      profile: { type: "string" },
      fix: { type: "boolean", default: false },
      "fix-dry-run": { type: "boolean", default: false },
      baseline: { type: "string" },
      "max-warnings": { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    io.stdout(`${LINT_USAGE}\n`);
    return EXIT_OK;
  }
  const format = values.format as keyof typeof reports;
  if (!(format in reports)) throw new UsageError(`unknown format "${values.format}"; expected ${Object.keys(reports).join(", ")}`);
  const maxWarnings = values["max-warnings"];
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) throw new UsageError(`--max-warnings takes a number; not "${maxWarnings}"`);
  if (values.fix && values["fix-dry-run"]) throw new UsageError("--fix and --fix-dry-run exclude each other");
  const fixing = values.fix ? "write" : values["fix-dry-run"] ? "diff" : undefined;
  if (values.target !== undefined && values["systemd-version"] !== undefined) {
    throw new UsageError("--target and --systemd-version are one flag; give it once");
  }
  const targetOption = values.target ?? values["systemd-version"];
  const target = await targetOf(targetOption);
  const profile = values.profile;
  if (profile !== undefined && !PROFILES.includes(profile as Profile)) {
    throw new UsageError(`unknown profile "${profile}"; expected ${PROFILES.join(", ")}`);
  }
  if (positionals.length === 0) throw new UsageError("no paths given; name the unit files or directories to lint");

  const { files, errors, emptyDirectories } = await collectFiles(positionals, io.cwd);
  const { maxFileSizeKB, lint } = defaultSettings;
  const service = createUnitLanguageService(createNodeHost(createManPageLibrary()), {
    maxFileSizeKB,
    severities: lint,
    rulePages: RULE_PAGES_URI,
    lintFlags: { ...(profile && { profile: profile as Profile }), ...(targetOption !== undefined && { target }) },
  });
  const results: FileDiagnostics[] = [];
  let verifyMissingSaid = false;
  let fixesPending = false;
  /** The file's text after --fix (written) or as it is (--fix-dry-run prints the diff). */
  const fixFile = async (service: UnitLanguageService, path: string, shown: string, text: string, mode: "write" | "diff") => {
    const result = await fixText(service, fileUri(path), text);
    if ("refused" in result) {
      io.stderr(`${shown}: ${result.refused}\n`);
      return text;
    }
    if (result.text === text) return text;
    fixesPending = true;
    if (mode === "diff") {
      io.stdout(unifiedDiff(text, result.text, `a/${shown}`, `b/${shown}`));
      return text;
    }
    await writeFileAtomically(path, result.text);
    io.stderr(`${shown}: fixed ${result.fixed.length} (${[...new Set(result.fixed)].join(", ")})\n`);
    return result.text;
  };
  for (const path of files) {
    const shown = displayPath(path, io.cwd);
    try {
      const read = await readUnitFile(path, maxFileSizeKB * 1024);
      if (!("text" in read)) {
        results.push({ file: shown, diagnostics: service.unreadDiagnostics(path, read.tooLarge) });
        continue;
      }
      const text = fixing ? await fixFile(service, path, shown, read.text, fixing) : read.text;
      if (fixing === "diff") continue;
      const verified = values.verify ? await verifyFile(path) : undefined;
      if (verified && !verified.ran && verified.reason !== "unsupported-kind") {
        if (verified.reason !== "binary-missing" || !verifyMissingSaid) io.stderr(`${shown}: ${verified.message}\n`);
        verifyMissingSaid ||= verified.reason === "binary-missing";
      }
      const document = TextDocument.create(fileUri(path), LANGUAGE_ID, 1, text);
      const diagnostics = await service.diagnostics(document, verified?.ran ? verified.diagnostics : []);
      const fixes = format === "sarif" ? new Map(diagnostics.map((d) => [d, quickFixesFor(service, document, d)])) : undefined;
      results.push({ file: shown, diagnostics, ...(fixes && { fixes }) });
    } catch (error) {
      errors.push({ path: shown, message: error instanceof Error ? error.message : String(error) });
    }
  }
  for (const error of errors) io.stderr(`${error.path}: ${error.message}\n`);
  for (const directory of emptyDirectories) io.stderr(`${directory}: a directory with no unit files in it; nothing to lint there\n`);

  if (fixing === "diff") return errors.length > 0 ? EXIT_USAGE : fixesPending ? EXIT_PROBLEMS : EXIT_OK;
  const reported = values.baseline ? await againstBaseline(values.baseline, results, io) : results;
  io.stdout(reports[format](reported));
  if (errors.length > 0) return EXIT_USAGE;
  const failing: DiagnosticSeverity[] = values.strict ? [DiagnosticSeverity.Error, DiagnosticSeverity.Warning] : [DiagnosticSeverity.Error];
  const all = reported.flatMap((r) => r.diagnostics);
  const failed = all.some((d) => failing.includes(d.severity ?? DiagnosticSeverity.Error));
  const warnings = all.filter((d) => d.severity === DiagnosticSeverity.Warning).length;
  return failed || (maxWarnings !== undefined && warnings > Number(maxWarnings)) ? EXIT_PROBLEMS : EXIT_OK;
}
