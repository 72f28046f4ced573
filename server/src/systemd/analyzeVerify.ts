import type { Diagnostic } from "vscode-languageserver-types";
import type { DropIn, Scope, UnitKind } from "../language/unitKind";
import { runProcess, type ProcessOutcome } from "./processRunner";
import { parseStagedOutput, stagedPath, verifyDiagnostics } from "./verifyDiagnostics";
import { isRunFailure } from "./verifyOutput";
import { withSandbox, type Sandbox } from "./verifySandbox";
import { planStaging, type StagingPlan, type UnitText } from "./verifyStaging";

export const DEFAULT_VERIFY_TIMEOUT_MS = 10_000;

export interface VerifyRequest {
  /** Where the document lives (or would be saved); its name and directory decide what it is. */
  path: string;
  /** The text to verify: the editor's buffer, saved or not. */
  text: string;
  kind: UnitKind;
  /** For a drop-in: the unit it extends. Without one the drop-in is checked next to a stand-in unit. */
  findParentUnit?: (dropIn: DropIn, dropInPath: string) => UnitText | undefined | Promise<UnitText | undefined>;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Defaults to "systemd-analyze" looked up on PATH. */
  executable?: string;
  /** Whether to report what depends on the machine doing the check (missing programs and units); default true. */
  showEnvironmentNoise?: boolean;
}

/** Why no check happened. `binary-missing` is the one a client should mention once and then stay quiet about. */
export type VerifySkipReason = "binary-missing" | "timed-out" | "cancelled" | "unsupported-kind" | "failed";

export type VerifyOutcome = { ran: true; diagnostics: Diagnostic[] } | { ran: false; reason: VerifySkipReason; message: string };

/**
 * `systemd-analyze verify` on one staged unit. `--recursive-errors=no` keeps the problems of the
 * units it refers to out; `--man=no` stops it from reporting Documentation= pages that are not installed.
 */
export function verifyArgv(executable: string, scope: Scope | undefined, file: string): string[] {
  return [
    executable,
    "verify",
    ...(scope === "user" ? ["--user"] : []),
    "--man=no",
    "--generators=no",
    "--recursive-errors=no",
    "--",
    file,
  ];
}

/**
 * Plain, unlocalised, one-line-per-message output on stderr. An empty SYSTEMD_UNIT_PATH leaves the
 * staging directory as the only place units are read from: the result does not depend on what is
 * installed, and a unit that shares a name with an installed one does not pick up its drop-ins.
 * The price: units the document refers to are not found, which shows as environment noise (a
 * socket's service); a stand-in service would hide a real typo in Service= or Unit=, so none is staged.
 */
export function verifyEnv(sandbox: Sandbox): Record<string, string> {
  return {
    SYSTEMD_COLORS: "0",
    SYSTEMD_LOG_COLOR: "0",
    SYSTEMD_LOG_LOCATION: "0",
    SYSTEMD_LOG_TIME: "0",
    SYSTEMD_LOG_TID: "0",
    SYSTEMD_LOG_TARGET: "console",
    SYSTEMD_LOG_LEVEL: "info",
    SYSTEMD_UNIT_PATH: "",
    XDG_RUNTIME_DIR: sandbox.runtimeDir,
    LC_ALL: "C",
  };
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
const CANCELLED: VerifyOutcome = { ran: false, reason: "cancelled", message: "systemd-analyze verify was cancelled" };

function outcomeOf(result: ProcessOutcome, request: VerifyRequest, plan: StagingPlan, sandbox: Sandbox): VerifyOutcome {
  const timeoutMs = request.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS;
  if (!result.ok) {
    switch (result.error) {
      case "not-found":
        return {
          ran: false,
          reason: "binary-missing",
          message: `${result.command} was not found, so units are not checked with systemd-analyze verify`,
        };
      case "timed-out":
        return { ran: false, reason: "timed-out", message: `systemd-analyze verify timed out after ${seconds(timeoutMs)}` };
      case "cancelled":
        return CANCELLED;
      default:
        return { ran: false, reason: "failed", message: result.message };
    }
  }
  if (result.code >= 128) {
    return { ran: false, reason: "failed", message: `systemd-analyze verify was killed (exit status ${result.code})` };
  }
  const messages = parseStagedOutput(result.stderr, plan, sandbox.unitDir);
  const failure = messages.find(isRunFailure);
  if (failure) return { ran: false, reason: "failed", message: `systemd-analyze verify could not run: ${failure.text}` };
  const context = { plan, ...sandbox, showEnvironmentNoise: request.showEnvironmentNoise ?? true };
  return { ran: true, diagnostics: verifyDiagnostics(messages, request.text, context) };
}

/** Checks the document with the installed systemd, on a copy in a temporary directory that is always removed. */
export async function verifyDocument(request: VerifyRequest): Promise<VerifyOutcome> {
  if (request.signal?.aborted) return CANCELLED;
  try {
    const dropIn = request.kind.dropIn;
    const parent = dropIn && request.findParentUnit ? await request.findParentUnit(dropIn, request.path) : undefined;
    const planned = planStaging(request, request.kind, parent);
    if (!planned.ok) return { ran: false, reason: "unsupported-kind", message: planned.message };
    const { plan } = planned;
    return await withSandbox(plan, async (sandbox) => {
      if (request.signal?.aborted) return CANCELLED;
      const argv = verifyArgv(request.executable ?? "systemd-analyze", request.kind.scope, stagedPath(sandbox.unitDir, plan.verify));
      const result = await runProcess(argv, {
        timeoutMs: request.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS,
        env: verifyEnv(sandbox),
        ...(request.signal && { signal: request.signal }),
      });
      return outcomeOf(result, request, plan, sandbox);
    });
  } catch (error) {
    return {
      ran: false,
      reason: "failed",
      message: `systemd-analyze verify could not be run: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
