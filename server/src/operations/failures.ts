import type { Scope } from "../language/unitKind";
import { classifyFailure, firstLine } from "../systemd/failure";
import type { ProcessError, ProcessResult } from "../systemd/processRunner";
import type { FailureReason, OperationFailure } from "../protocol/operationResults";

/** Carries a failure answer out of an operation's steps; `attempt` turns it back into the answer. */
export class OperationError extends Error {
  constructor(readonly failure: OperationFailure) {
    super(failure.message);
  }
}

export function fail(reason: FailureReason, message: string, extra: Partial<OperationFailure> = {}): never {
  throw new OperationError({ ok: false, reason, message, ...extra });
}

/** Runs an operation's steps; a step that failed answers with its failure, a bug propagates to the command guard. */
export async function attempt<T>(steps: () => Promise<T>): Promise<T | OperationFailure> {
  try {
    return await steps();
  } catch (error) {
    if (error instanceof OperationError) return error.failure;
    throw error;
  }
}

export function processFailure(error: ProcessError, argv: string[]): OperationFailure {
  const program = argv[0] ?? error.command;
  switch (error.error) {
    case "not-found":
      return {
        ok: false,
        reason: "command-not-found",
        argv,
        message: `${error.command} is not installed or not on PATH; this needs systemd's tools (${program}).`,
      };
    case "timed-out":
      return { ok: false, reason: "timed-out", argv, message: error.message };
    case "cancelled":
      return { ok: false, reason: "cancelled", argv, message: error.message };
    default:
      return { ok: false, reason: "command-failed", argv, message: error.message };
  }
}

const UNIT_NOT_FOUND = /Unit \S+ (not found|could not be found)|No files found for|Unit file \S+ does not exist/;

/** The answer for a program that ran and failed. */
export function exitFailure(result: ProcessResult, argv: string[], scope: Scope): OperationFailure {
  const line = firstLine(result.stderr) || `${argv[0]} exited with status ${result.code}`;
  const stderr = result.stderr.trim();
  const kind = classifyFailure(result.stderr);
  if (kind === "needs-privilege" && scope === "system") {
    return {
      ok: false,
      reason: "needs-privilege",
      needsPrivilege: true,
      argv,
      stderr,
      message: `${line}. Changing system units needs root: run the same command with sudo.`,
    };
  }
  if (kind === "no-systemd") {
    const manager = scope === "user" ? "no systemd user manager (is there a login session for this user?)" : "no systemd system manager";
    return { ok: false, reason: "no-systemd", argv, stderr, message: `There is ${manager} to talk to: ${line}` };
  }
  if (UNIT_NOT_FOUND.test(result.stderr)) return { ok: false, reason: "unit-not-found", argv, stderr, message: line };
  return { ok: false, reason: "command-failed", argv, stderr, message: line };
}

/**
 * Throws the answer for a file that could not be read or written. Without permission in the system
 * scope, `privileged` is the command line that does the same as root.
 */
export function failFile(error: unknown, path: string, scope: Scope, doing: string, privileged?: string[]): never {
  // The host did not answer: that, not the file, is the answer.
  if (error instanceof OperationError) throw error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if ((code === "EACCES" || code === "EPERM") && scope === "system" && privileged) {
    fail("needs-privilege", `${doing} ${path} needs root: run the command with sudo.`, { needsPrivilege: true, argv: privileged, path });
  }
  if (code === "ENOENT")
    fail("file-error", `${path} does not exist${doing.startsWith("Reading") ? " (save the file first)" : ""}.`, { path });
  fail("file-error", `${doing} ${path} failed: ${error instanceof Error ? error.message : String(error)}`, { path });
}
