/**
 * The results of the `unitsmith.systemd.*` commands (workspace/executeCommand). Every result is
 * plain JSON: `ok: true` with what the command did, or an OperationFailure. Clients that are not
 * VS Code (Neovim, Emacs, ...) can call the same commands and read the same shapes.
 */
import type { Diagnostic } from "vscode-languageserver-types";
import type { Scope } from "../language/unitKind";
import type { DeployResult, InventoryGroupsResult } from "./deploy";

export type RunState = "running" | "stopped";
/** static: no [Install] section, nothing to enable or disable; masked: systemctl refuses to start or enable it. */
export type Enablement = "enabled" | "disabled" | "static" | "masked";

/** What systemd says about one unit, raw and mapped. */
export interface UnitState {
  unit: string;
  description: string;
  /** loaded, not-found, masked, bad-setting, error, ... */
  loadState: string;
  /** active, inactive, failed, activating, ... as `systemctl is-active` prints it. */
  activeState: string;
  subState: string;
  /** As `systemctl is-enabled` prints it; empty when there is no unit file. */
  unitFileState: string;
  /** Absent while systemd reports a state in between (reloading, deactivating, ...). */
  run?: RunState;
  failed: boolean;
  /** Absent for a unit that is not found or whose file state is unknown. */
  enablement?: Enablement;
  found: boolean;
  fragmentPath?: string;
  dropInPaths: string[];
  /** A unit file changed on disk since systemd loaded it. */
  needsDaemonReload: boolean;
}

/** One check of `systemd-analyze security`. */
export interface SecurityFinding {
  /** The check's name as systemd prints it, e.g. "PrivateTmp=" or "CapabilityBoundingSet=~CAP_SYS_ADMIN". */
  id: string;
  description: string;
  /** True when the unit passes the check, false when it does not, null when the check does not apply. */
  set: boolean | null;
  /** What failing the check adds to the exposure score (0–1); null when it adds nothing. */
  exposure: number | null;
}

export type FailureReason =
  /** The client said the workspace is not trusted: nothing was run. */
  | "untrusted-workspace"
  /** The command's argument was missing something or held something unsafe (a bad unit name, say). */
  | "invalid-argument"
  /** systemd refused for lack of privilege: run `argv` with sudo (in a terminal) to do the same. */
  | "needs-privilege"
  /** Install would replace a different file: ask, then send the command again with `overwrite: true`. */
  | "needs-confirmation"
  /** systemctl is there but no systemd manager answers (not booted with systemd, no user session bus). */
  | "no-systemd"
  /** A program (systemctl, journalctl, systemd-analyze) is not installed. */
  | "command-not-found"
  | "unit-not-found"
  /** systemd reports a state in between (deactivating, reloading, ...): try again in a moment. */
  | "unexpected-state"
  | "timed-out"
  /** ssh could not get into the host named by "host" (refused, key not accepted, unknown host key, no such host). */
  | "host-unreachable"
  | "cancelled"
  /** A program ran and failed; `message` and `stderr` say why. */
  | "command-failed"
  /** A file could not be read or written. */
  | "file-error"
  /** A bug: the server logged it. */
  | "internal-error";

export interface OperationFailure {
  ok: false;
  reason: FailureReason;
  message: string;
  /** The command line that failed or that needs privilege (without any prefix the server adds). */
  argv?: string[];
  needsPrivilege?: true;
  needsConfirmation?: true;
  /** The file a needs-confirmation or file-error answer is about. */
  path?: string;
  /** For a no-systemd answer about a unit: its file is present in the scope's unit directory. */
  installedFile?: string;
  stderr?: string;
}

interface UnitResult {
  ok: true;
  unit: string;
  scope: Scope;
}

/** start, stop, restart, reload, enable, disable, enableNow, resetFailed. */
export interface UnitActionResult extends UnitResult {
  /** False when the unit already was as asked (nothing was run but the state query). */
  changed: boolean;
  message: string;
  /** The command lines that changed something, in order. */
  ran: string[][];
  /** The state after the action. */
  state: UnitState;
}

export interface DaemonReloadResult {
  ok: true;
  scope: Scope;
  changed: true;
  message: string;
}

export interface StatusResult extends UnitResult {
  /** What `systemctl status` printed (its exit status 3, "not running", is not a failure). */
  output: string;
  state: UnitState;
}

export interface JournalResult extends UnitResult {
  output: string;
  argv: string[];
  /** The same query with --follow, for the client to run in a terminal. */
  followArgv: string[];
}

export interface CatResult extends UnitResult {
  /** What `systemctl cat` printed: the unit file and its drop-ins, each after a "# /path" line. */
  text: string;
  files: string[];
}

export interface ListedUnit {
  unit: string;
  template: boolean;
  description: string;
  loadState: string;
  activeState: string;
  subState: string;
  unitFileState: string;
  run?: UnitState["run"];
  enablement?: UnitState["enablement"];
  fragmentPath?: string;
}

export interface ListResult {
  ok: true;
  scope: Scope;
  units: ListedUnit[];
}

export interface OverrideResult extends UnitResult {
  /** The drop-in to open; after saving it the client sends unitsmith.systemd.daemonReload. */
  path: string;
  /** True when the file was made just now (empty). */
  created: boolean;
  /** On another host: the drop-in's content, to edit in a copy and send back with writeOverride. */
  text?: string;
}

export interface WriteOverrideResult extends UnitResult {
  path: string;
  message: string;
}

export interface MachinesResult {
  ok: true;
  /** Names for {"host": {"machine": name}}. */
  machines: string[];
}

export interface InstallResult extends UnitResult {
  /** Where the unit file now is (for "link", the symlink systemd made). */
  path: string;
  mode: "copy" | "link";
  /** False when the same file was already installed and nothing else was asked. */
  changed: boolean;
  message: string;
  ran: string[][];
  /** The state after installing; absent for a template installed without an instance. */
  state?: UnitState;
  /** The file was put in place but there was no manager to reload, enable or start it. */
  managerUnreachable?: true;
}

export interface UninstallResult extends UnitResult {
  /** The file removed, if there was one. */
  removed?: string;
  /** There was no manager: the unit was not stopped or disabled, only its file removed. */
  managerUnreachable?: true;
  changed: boolean;
  message: string;
  ran: string[][];
}

export interface SecurityResult extends UnitResult {
  findings: SecurityFinding[];
  /** Diagnostics on the file as it is on disk (source "systemd-analyze security", code = the finding's id). */
  diagnostics: Diagnostic[];
}

/** Why a unit's last run failed, on the line that caused it. */
export interface ExplainFailureResult extends UnitResult {
  /** False when the unit's last run did not fail; then there is nothing on any line. */
  failed: boolean;
  /** "203/EXEC", "start-limit-hit", "exit status 3", ...; absent when it did not fail. */
  cause?: string;
  message: string;
  /** The error on its line, by the URI of the file it is in (the file the request named stands for its installed copy). */
  diagnostics: { uri: string; diagnostics: Diagnostic[] }[];
  /** The journal of that run, the manager's lines and the unit's own. */
  journal: string[];
}

export type OperationResult =
  | UnitActionResult
  | ExplainFailureResult
  | DaemonReloadResult
  | StatusResult
  | JournalResult
  | CatResult
  | ListResult
  | OverrideResult
  | WriteOverrideResult
  | MachinesResult
  | InstallResult
  | UninstallResult
  | SecurityResult
  | DeployResult
  | InventoryGroupsResult;

export type Answer<T> = T | OperationFailure;

export type DeployAnswer = Answer<DeployResult>;
