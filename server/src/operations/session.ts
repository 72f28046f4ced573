import type { Scope } from "../language/unitKind";
import { SYSTEMD_TOOL_ENV, systemctlArgv } from "../systemd/commandLines";
import { runProcess, type ProcessResult } from "../systemd/processRunner";
import { parseShowOutput } from "../systemd/showOutput";
import type { UnitState } from "../protocol/operationResults";
import { STATE_PROPERTIES, unitStateFromShow } from "../systemd/unitState";
import type { OperationContext } from "./context";
import { attempt, exitFailure, fail, OperationError, processFailure } from "./failures";
import { hostFailure, rootAdvice } from "./hostContext";
import { firstLine } from "../systemd/failure";
import { UNTRUSTED_WORKSPACE } from "./policy";
import type { OperationFailure } from "../protocol/operationResults";

export interface RunStep {
  timeoutMs?: number;
  /** Exit statuses that are answers, not failures (`systemctl status` exits 3 for a stopped unit). */
  okCodes?: readonly number[];
}

/** The steps of one operation in one scope: every process goes through here, with the context's prefix, timeout and the request's signal. */
export class Session {
  /** Command lines that changed something, in order. */
  readonly ran: string[][] = [];

  constructor(
    readonly context: OperationContext,
    readonly scope: Scope,
    private readonly signal?: AbortSignal,
  ) {}

  /** Runs argv on the host: directly here, over ssh or in a container (as root through sudo for system work where the host allows it). */
  run(argv: string[], step: RunStep = {}): Promise<ProcessResult> {
    return this.execute(this.context.transport.program(argv, this.scope === "system"), argv, step);
  }

  systemctl(args: string[], step: RunStep = {}): Promise<ProcessResult> {
    return this.execute(this.context.transport.systemctl(this.scope, args), systemctlArgv(this.scope, args), step);
  }

  /** Runs `full`; failures name `argv`, the command as it would be typed on the host. */
  private async execute(full: string[], argv: string[], step: RunStep): Promise<ProcessResult> {
    const outcome = await runProcess(full, {
      prefix: this.context.exec.prefix,
      env: { ...SYSTEMD_TOOL_ENV, ...this.context.exec.env },
      timeoutMs: step.timeoutMs ?? this.context.timeouts.defaultMs,
      signal: this.signal,
    });
    const unreachable = hostFailure(this.context.transport, outcome, argv);
    if (unreachable) throw new OperationError(unreachable);
    if (!outcome.ok) throw new OperationError(processFailure(outcome, argv));
    if ((step.okCodes ?? [0]).includes(outcome.code)) return outcome;
    const failure = exitFailure(outcome, argv, this.scope);
    if (failure.reason === "needs-privilege" && this.context.transport.remote) {
      failure.message = `${firstLine(outcome.stderr)}. ${rootAdvice(this.context.transport)}`;
    }
    throw new OperationError(failure);
  }

  /** A systemctl call that changes something: recorded in `ran`. */
  async change(args: string[]): Promise<void> {
    await this.systemctl(args);
    this.ran.push(systemctlArgv(this.scope, args));
  }

  async state(unit: string): Promise<UnitState> {
    const result = await this.systemctl(["show", `--property=${STATE_PROPERTIES.join(",")}`, "--", unit]);
    const [record] = parseShowOutput(result.stdout);
    if (!record) fail("command-failed", `systemctl show printed nothing for ${unit}`);
    return unitStateFromShow(record);
  }

  /** A state to act on: the unit exists and, when `needRun`, is running or stopped rather than in between. */
  async actionableState(unit: string, needRun: boolean): Promise<UnitState> {
    let state = await this.state(unit);
    if (state.needsDaemonReload || this.context.reloadPending.has(this.scope)) {
      await this.daemonReload();
      state = await this.state(unit);
    }
    if (!state.found) fail("unit-not-found", `unit not found: ${unit} (no unit file for it in the ${this.scope} manager's search path)`);
    if (needRun && !state.run) {
      fail("unexpected-state", `${unit} is ${state.activeState}; try again when it has settled`);
    }
    return state;
  }

  async daemonReload(): Promise<void> {
    await this.change(["daemon-reload"]);
    this.context.reloadPending.delete(this.scope);
  }
}

/**
 * Runs an operation under the execution policy: nothing at all in an untrusted workspace, and
 * systemctl work under the one lock so that two requests never interleave their steps.
 */
export function withSession<T>(
  context: OperationContext,
  scope: Scope,
  signal: AbortSignal | undefined,
  steps: (session: Session) => Promise<T>,
  options: { lock: boolean } = { lock: true },
): Promise<T | OperationFailure> {
  if (!context.policy.isTrusted()) return Promise.resolve(UNTRUSTED_WORKSPACE);
  const body = () => attempt(() => steps(new Session(context, scope, signal)));
  return options.lock ? context.lock.run(body) : body();
}
