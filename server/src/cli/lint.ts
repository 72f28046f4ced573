import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { DiagnosticSeverity } from "vscode-languageserver-types";
import { defaultSettings } from "../settings/settings";
import { collectFiles } from "./collectFiles";
import { displayPath } from "./displayPath";
import type { TargetSystemd } from "../language/rules/rule";
import { PROFILES, type Profile } from "../language/project/profiles";
import { detectInstalledSystemd } from "../systemd/installedSystemd";
import { DISTRIBUTION_NAMES, parseTargetList, targetSystemdOf } from "../language/targets/targetList";
import { jsonReport, textReport, type FileDiagnostics } from "./lintReports";
import { sarifReport } from "./sarif";
import { againstBaseline } from "./baseline";
import { checkstyleReport, githubReport, junitReport } from "./ciReports";
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError, type CliIo } from "./io";
import { createLintService } from "./lintService";
import { lintInThreads, type LintTarget } from "./lintThreads";
import { lintFile, type LintFileOptions } from "./lintFile";
import { mapInOrder } from "./mapInOrder";

/** Files diagnosed at once in a thread, so that what one waits for (the unit index, a first listing, a project file) holds up no other. */
const FILES_IN_FLIGHT = 16;
/**
 * Files from which a run is split among threads, and the least each thread takes: a thread costs
 * about as much as linting 600 files before its first one (its bundle, its unit index). No more
 * than eight by default, each holding the knowledge base and an index of its own.
 */
const LARGE_TREE = 1000;
const FILES_PER_THREAD = 500;
const MOST_THREADS = 8;

/** The threads a run of `count` files lints in: one per core on a large tree. */
const threadsFor = (count: number) =>
  count < LARGE_TREE ? 1 : Math.min(availableParallelism(), Math.floor(count / FILES_PER_THREAD), MOST_THREADS);

export const LINT_USAGE = `Usage: unitsmith lint [--format FORMAT] [--strict] [--max-warnings N] [--verify]
                      [--target LIST|auto] [--profile minimal|default|strict]
                      [--fix | --fix-dry-run] [--baseline FILE] [--jobs N] PATH...

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
  --jobs N             lint in N threads; by default one per core (up to ${MOST_THREADS}) from
                       ${LARGE_TREE} files on, and one with --fix, --fix-dry-run or --verify

The nearest .unitsmith.json above each file (its own directory first) sets rule severities,
the target systemd, files to ignore and per-path overrides; the flags above win over it.

Exit status: 0 clean, 1 problems found, 2 usage or read errors.`;

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
      jobs: { type: "string" },
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
  const jobs = values.jobs;
  if (jobs !== undefined && !/^[1-9]\d*$/.test(jobs)) throw new UsageError(`--jobs takes a number of threads, 1 or more; not "${jobs}"`);
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
  const flags = { ...(profile && { profile: profile as Profile }), ...(targetOption !== undefined && { target }) };
  const options: LintFileOptions = {
    maxBytes: defaultSettings.maxFileSizeKB * 1024,
    verify: values.verify,
    withFixes: format === "sarif",
    ...(fixing && { fixing }),
  };
  // Fixing and verifying go one file at a time, as a fix may change a file another file's findings read.
  const oneByOne = fixing !== undefined || values.verify;
  const inFlight = oneByOne ? 1 : FILES_IN_FLIGHT;
  const threads = oneByOne ? 1 : jobs !== undefined ? Number(jobs) : threadsFor(files.length);
  const service = createLintService(flags);
  const targets = files.map((path) => ({ path, shown: displayPath(path, io.cwd) }));
  const lintHere = ({ path, shown }: LintTarget) => lintFile(service, path, shown, options);
  const outcomes =
    threads > 1
      ? await lintInThreads(targets, threads - 1, { flags, options, inFlight }, lintHere)
      : await mapInOrder(targets, inFlight, lintHere);
  const results: FileDiagnostics[] = [];
  let verifyMissingSaid = false;
  let fixesPending = false;
  for (const outcome of outcomes) {
    for (const said of outcome.said) {
      if (said.verifyMissing && verifyMissingSaid) continue;
      verifyMissingSaid ||= said.verifyMissing === true;
      io[said.stream](said.text);
    }
    fixesPending ||= outcome.fixed;
    if (outcome.result) results.push(outcome.result);
    if (outcome.error) errors.push(outcome.error);
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
