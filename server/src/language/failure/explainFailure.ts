/**
 * Why a unit failed, on the line that caused it: systemd's result and exit status of the unit's
 * last run, and the journal of that run, mapped onto the unit's files. Pure: the caller reads
 * systemd (`systemctl show`, `journalctl`) and the files.
 */
import { DiagnosticSeverity, type Diagnostic, type Range } from "vscode-languageserver-types";
import type { EntryNode, UnitFile } from "../parser";
import { NAMESPACE_DIRECTIVES, SETUP_STEPS } from "./exitStatus";

/** One journal entry of the run, oldest first. */
export interface RunJournalLine {
  message: string;
  /** Written by the service manager about the unit, not by the unit's own processes. */
  fromManager: boolean;
}

/** What systemd says about the unit's last run. */
export interface FailureFacts {
  /** `Result=`: success, exit-code, signal, core-dump, timeout, watchdog, start-limit-hit, oom-kill, resources, protocol, ... */
  result: string;
  /** `ExecMainCode=`: 1 exited, 2 killed, 3 dumped core; 0 when the main process never ran. */
  execMainCode: number;
  execMainStatus: number;
  journal: readonly RunJournalLine[];
}

/** A unit file or drop-in, in the order systemd reads them. */
export interface UnitSourceFile {
  path: string;
  file: UnitFile;
}

export interface FailureExplanation {
  /** Short: "203/EXEC", "start-limit-hit", "exit status 3". */
  cause: string;
  message: string;
  /** The line it is about; undefined when the unit has no file to point into. */
  place?: { path: string; range: Range };
}

export const FAILURE_SOURCE = "systemd";

interface Located {
  path: string;
  file: UnitFile;
  entry?: EntryNode;
}

/** The last assignment of one of `keys` (the first key found wins), in the files' order. */
function lastAssignment(
  files: readonly UnitSourceFile[],
  keys: readonly string[],
  accept?: (entry: EntryNode) => boolean,
): Located | undefined {
  for (const key of keys) {
    let found: Located | undefined;
    for (const { path, file } of files) {
      for (const section of file.sections) {
        for (const entry of section.entries) {
          if (entry.key === key && entry.value !== "" && (!accept || accept(entry))) found = { path, file, entry };
        }
      }
    }
    if (found) return found;
  }
  return undefined;
}

/** The unit's type section ([Service], [Socket], ...) header in the first file that has one, else the first file's top. */
function headerOf(files: readonly UnitSourceFile[]): Located | undefined {
  for (const { path, file } of files) {
    const section = file.sections.find((s) => s.name !== "Unit" && s.name !== "Install" && s.header);
    if (section) return { path, file };
  }
  const [first] = files;
  return first && { path: first.path, file: first.file };
}

function rangeOf(located: Located): Range {
  const { file, entry } = located;
  if (entry) return file.lines.rangeOf(entry.keySpan.start, entry.valueSpan.end);
  const section = file.sections.find((s) => s.name !== "Unit" && s.name !== "Install" && s.header);
  if (section?.header) return file.lines.rangeOf(section.header.nameSpan.start, section.header.nameSpan.end);
  return file.lines.rangeOf(0, file.lines.lineContentEnd(0));
}

/** The line of the first of `keys` the unit sets, else its section header. */
function placeOf(files: readonly UnitSourceFile[], keys: readonly string[], accept?: (entry: EntryNode) => boolean) {
  const located = lastAssignment(files, keys, accept) ?? headerOf(files);
  return located && { path: located.path, range: rangeOf(located) };
}

const manager = (facts: FailureFacts) => facts.journal.filter((line) => line.fromManager).map((line) => line.message);
const lastMatch = (lines: readonly string[], pattern: RegExp) =>
  lines
    .map((line) => pattern.exec(line))
    .filter((match) => match !== null)
    .at(-1);

/** The program a command line runs: past systemd's prefixes (`-`, `@`, `+`, ...). */
const programOf = (value: string) =>
  value
    .replace(/^[-@:+!|]+/, "")
    .trim()
    .split(/\s+/)[0] ?? "";
const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);

const COMMAND_KEYS = ["ExecStart", "ExecStartPre", "ExecStartPost", "ExecCondition", "ExecReload", "ExecStop", "ExecStopPost"];
const CONTROL_KEYS = ["ExecStartPre", "ExecCondition", "ExecStartPost", "ExecStop", "ExecStopPost", "ExecReload"];

/** How a process ended, from the manager's "Main process exited, code=exited, status=203/EXEC" line, else from ExecMain*. */
interface ProcessEnd {
  process: "Main" | "Control";
  code: "exited" | "killed" | "dumped";
  status: number;
  /** systemd's name for the status: "EXEC", "FAILURE", "KILL". */
  name?: string;
}

function processEnd(facts: FailureFacts): ProcessEnd | undefined {
  const match = lastMatch(manager(facts), /(Main|Control) process exited, code=(exited|killed|dumped), status=(\d+)(?:\/(\S+))?/);
  if (match) {
    return {
      process: match[1] as "Main" | "Control",
      code: match[2] as ProcessEnd["code"],
      status: Number(match[3]),
      ...(match[4] && { name: match[4] }),
    };
  }
  const code = ({ 1: "exited", 2: "killed", 3: "dumped" } as const)[facts.execMainCode as 1 | 2 | 3];
  return code && { process: "Main", code, status: facts.execMainStatus };
}

/** The program's own last lines, for a message. */
function programTail(facts: FailureFacts, count = 3): string {
  const lines = facts.journal.filter((line) => !line.fromManager && line.message.trim() !== "").map((line) => line.message.trim());
  return lines.length === 0
    ? " It wrote nothing to the journal."
    : ` Its last lines: ${lines
        .slice(-count)
        .map((line) => `"${line}"`)
        .join(", ")}.`;
}

/** A failed setup step (200–245): on the directive the step carries out. */
function setupFailure(facts: FailureFacts, end: ProcessEnd, files: readonly UnitSourceFile[]): FailureExplanation | undefined {
  const step = SETUP_STEPS[end.status];
  if (!step || end.code !== "exited") return undefined;
  const cause = `${end.status}/${step.name}`;
  const lines = manager(facts);
  if (step.name === "EXEC") return execFailure(cause, end, lines, files);
  // The manager's line before "Main process exited" says what went wrong ("Failed to set up mount namespacing: /x: ...").
  const detail = lastMatch(
    lines,
    /^(?!.*(?:process exited|Failed at step|Failed with result))(?:\S+: )?(?:Failed|Changing|Cannot|Could not).*$/,
  )?.[0];
  const paths = detail ? [...detail.matchAll(/\/[^\s:,]+/g)].map((m) => m[0].replace(/^\/run\/systemd\/unit-root(?=\/)/, "")) : [];
  const namesPath = (entry: EntryNode) =>
    paths.some((path) =>
      entry.value.split(/\s+/).some((word) =>
        word
          .replace(/^[-+]+/, "")
          .split(":")
          .includes(path),
      ),
    );
  const keys = step.name === "NAMESPACE" ? NAMESPACE_DIRECTIVES : step.directives;
  const place = (paths.length > 0 && placeOf(files, keys, namesPath)) || placeOf(files, keys);
  return {
    cause,
    message: `${cause}: the service failed while systemd was ${step.doing}, before its program ran.${detail ? ` systemd: ${detail}` : ""}`,
    ...(place && { place }),
  };
}

/** 203/EXEC: on the command whose program could not be executed, with the reason ("No such file or directory"). */
function execFailure(cause: string, end: ProcessEnd, lines: readonly string[], files: readonly UnitSourceFile[]): FailureExplanation {
  const failed = lastMatch(lines, /(?:Failed at step EXEC spawning|Failed to (?:execute|locate executable)) (\S+?): (.+)$/);
  const program = failed?.[1];
  const reason = failed?.[2];
  const runs = (entry: EntryNode) => {
    const own = programOf(entry.value);
    return own === program || (!own.startsWith("/") && program !== undefined && baseName(program) === own);
  };
  const keys = end.process === "Main" ? ["ExecStart"] : CONTROL_KEYS;
  const place = (program && placeOf(files, COMMAND_KEYS, runs)) || placeOf(files, keys);
  const what = program ? `${program} could not be executed` : "the program could not be executed";
  return { cause, message: `${cause}: ${what}${reason ? `: ${reason}` : ""}.`, ...(place && { place }) };
}

/** Which timeout fired, from the manager's words. */
const TIMEOUTS: readonly [RegExp, readonly string[], string][] = [
  [/runtime time limit/, ["RuntimeMaxSec"], "it ran longer than RuntimeMaxSec="],
  [
    /(stop|stop-sigterm|stop-sigkill|stop-post|final-sigterm|final-sigkill|stop-watchdog).* timed out/,
    ["TimeoutStopSec", "TimeoutSec"],
    "stopping it took longer than TimeoutStopSec=",
  ],
  [/Watchdog timeout/, ["WatchdogSec"], "it did not ping the watchdog within WatchdogSec="],
  [/timed out/, ["TimeoutStartSec", "TimeoutSec"], "starting it took longer than TimeoutStartSec="],
];

function timeoutFailure(facts: FailureFacts, files: readonly UnitSourceFile[]): FailureExplanation {
  const lines = manager(facts);
  const [, keys, what] = TIMEOUTS.find(([pattern]) => lines.some((line) => pattern.test(line))) ?? TIMEOUTS[3]!;
  const place = placeOf(files, keys);
  const setting = lastAssignment(files, keys)?.entry;
  const value = setting ? ` (${setting.key}=${setting.value})` : " (not set: the manager's default applies, 90s unless changed)";
  return { cause: facts.result, message: `${facts.result}: ${what}${value}.${programTail(facts)}`, ...(place && { place }) };
}

function startLimitFailure(end: ProcessEnd | undefined, files: readonly UnitSourceFile[]): FailureExplanation {
  const burst = lastAssignment(files, ["StartLimitBurst"])?.entry?.value ?? "5";
  const interval = lastAssignment(files, ["StartLimitIntervalSec"])?.entry?.value ?? "10s";
  const restart = lastAssignment(files, ["Restart"])?.entry?.value;
  const place = placeOf(files, ["Restart", "StartLimitBurst", "StartLimitIntervalSec"]);
  const last = end
    ? ` Its last run ${end.code === "exited" ? `exited with status ${end.status}${end.name ? `/${end.name}` : ""}` : `was killed by signal ${end.name ?? end.status}`}.`
    : "";
  return {
    cause: "start-limit-hit",
    message:
      `start-limit-hit: it was started more than ${burst} times within ${interval} (StartLimitBurst=, StartLimitIntervalSec=), so systemd stopped trying` +
      `${restart ? `; Restart=${restart} restarts it after each failure` : ""}.${last} Fix what makes it fail, then reset-failed.`,
    ...(place && { place }),
  };
}

/** The failure of a unit's last run, on its line; undefined when the run did not fail. */
export function explainFailure(facts: FailureFacts, files: readonly UnitSourceFile[]): FailureExplanation | undefined {
  if (facts.result === "success" || facts.result === "") return undefined;
  const end = processEnd(facts);
  // After automatic restarts systemd keeps the last run's result; only its words say it gave up.
  if (facts.result === "start-limit-hit" || manager(facts).some((line) => /Start request repeated too quickly/.test(line))) {
    return startLimitFailure(end, files);
  }
  switch (facts.result) {
    case "timeout":
    case "watchdog":
      return timeoutFailure(facts, files);
    case "oom-kill": {
      const place = placeOf(files, ["MemoryMax", "MemoryHigh", "MemoryLimit", "ExecStart"]);
      return {
        cause: "oom-kill",
        message: `oom-kill: the kernel killed it for running out of memory.${programTail(facts)}`,
        ...(place && { place }),
      };
    }
  }
  const setup = end && setupFailure(facts, end, files);
  if (setup) return setup;
  if (end && facts.result !== "resources" && facts.result !== "protocol") {
    const keys = end.process === "Main" ? ["ExecStart"] : CONTROL_KEYS;
    const place = placeOf(files, keys);
    const who = end.process === "Main" ? "Its program (ExecStart=)" : "A control command (ExecStartPre=, ExecStop=, ...)";
    const how =
      end.code === "exited"
        ? `exited with status ${end.status}${end.name ? `/${end.name}` : ""}`
        : `was killed by signal ${end.name ?? end.status}${end.code === "dumped" ? " and dumped core" : ""}`;
    const cause = end.code === "exited" ? `exit status ${end.status}` : `signal ${end.name ?? end.status}`;
    return { cause, message: `${cause}: ${who} ${how}.${programTail(facts)}`, ...(place && { place }) };
  }
  const said = manager(facts)
    .filter((line) => !/Failed with result|Unit entered failed state/.test(line))
    .at(-1);
  const keys = facts.result === "protocol" ? ["Type", "PIDFile", "BusName"] : ["PIDFile", "Type"];
  const place = placeOf(files, keys);
  return {
    cause: facts.result,
    message: `${facts.result}: the service failed${said ? `. systemd: ${said}` : "."}`,
    ...(place && { place }),
  };
}

/** The explanation as an error on its line. */
export function failureDiagnostic(explanation: FailureExplanation & { place: NonNullable<FailureExplanation["place"]> }): Diagnostic {
  return {
    range: explanation.place.range,
    severity: DiagnosticSeverity.Error,
    source: FAILURE_SOURCE,
    code: explanation.cause,
    message: explanation.message,
  };
}
