import type { CancellationToken, Connection } from "vscode-languageserver";
import type { Logger } from "../lsp/logger";
import { isObject, parseHostArgument, parseJournalOptions, type Parsed } from "../protocol/operationArguments";
import { contextForHost } from "./hostContext";
import { parseScopeArgument, resolveUnit, type InstancePolicy } from "./arguments";
import { cat } from "./cat";
import { deploy, inventoryGroups, parseDeployArgument, parseInventoryArgument } from "./deploy";
import { createOperationContext, type OperationContext } from "./context";
import type { UnitAction } from "./idempotence";
import { install, parseInstallArgument } from "./install";
import { explainFailure } from "./explainFailure";
import { journal } from "./journal";
import { listUnits } from "./list";
import { machines } from "./machines";
import { override, parseWriteOverrideArgument, writeOverride } from "./override";
import { UNTRUSTED_WORKSPACE, type ExecutionPolicy } from "./policy";
import { parseSecurityArgument, security } from "./security";
import { status } from "./status";
import { COMMAND_IDS, COMMANDS, type CommandName } from "../protocol/commands";
import type { Answer, OperationFailure, OperationResult } from "../protocol/operationResults";
import { uninstall } from "./uninstall";
import { daemonReload, unitAction } from "./unitActions";

type Handler = (context: OperationContext, args: unknown, signal?: AbortSignal) => Promise<Answer<OperationResult>>;

/** Checks the argument, then runs the operation with it. */
function checked<T>(
  parse: (args: unknown) => Parsed<T>,
  run: (context: OperationContext, value: T, signal?: AbortSignal) => Promise<Answer<OperationResult>>,
): Handler {
  return async (context, args, signal) => {
    const parsed = parse(args);
    return parsed.ok ? run(context, parsed.value, signal) : parsed.failure;
  };
}

const unit = (policy: InstancePolicy) => (args: unknown) => resolveUnit(args, policy);
const action = (name: UnitAction): Handler =>
  checked(unit("instance-required"), (context, target, signal) => unitAction(context, target, name, signal));

const HANDLERS: Record<CommandName, Handler> = {
  status: checked(unit("instance-required"), status),
  start: action("start"),
  stop: action("stop"),
  restart: action("restart"),
  reload: action("reload"),
  enable: action("enable"),
  disable: action("disable"),
  enableNow: action("enableNow"),
  resetFailed: action("resetFailed"),
  daemonReload: checked(parseScopeArgument, (context, { scope }, signal) => daemonReload(context, scope, signal)),
  journal: checked(
    (args) => {
      const target = resolveUnit(args, "instance-required");
      if (!target.ok) return target;
      const options = parseJournalOptions(isObject(args) ? args : {});
      return options.ok ? { ok: true, value: { target: target.value, options: options.value } } : options;
    },
    (context, { target, options }, signal) => journal(context, target, options, signal),
  ),
  cat: checked(unit("template-allowed"), cat),
  list: checked(parseScopeArgument, (context, { scope }, signal) => listUnits(context, scope, signal)),
  override: checked(unit("template-allowed"), override),
  writeOverride: checked(parseWriteOverrideArgument, writeOverride),
  install: checked(parseInstallArgument, install),
  uninstall: checked(unit("template-allowed"), uninstall),
  security: checked(parseSecurityArgument, security),
  explainFailure: checked(unit("instance-required"), explainFailure),
  machines: (context, _args, signal) => machines(context, signal),
  deploy: checked(parseDeployArgument, deploy),
  inventoryGroups: checked(parseInventoryArgument, inventoryGroups),
};

const NAMES = new Map(Object.entries(COMMANDS).map(([name, id]) => [id as string, name as CommandName]));

/**
 * Runs one command by id with its one argument. Nothing runs in an untrusted workspace (not even
 * the argument check's file lookups); an unknown id or a malformed argument answers invalid-argument.
 */
export function executeOperation(
  context: OperationContext,
  id: string,
  args: unknown,
  signal?: AbortSignal,
): Promise<Answer<OperationResult>> {
  if (!context.policy.isTrusted()) return Promise.resolve(UNTRUSTED_WORKSPACE);
  const name = NAMES.get(id);
  if (!name) return Promise.resolve({ ok: false, reason: "invalid-argument", message: `Unknown command ${id}` });
  const host = parseHostArgument(args);
  if (!host.ok) return Promise.resolve(host.failure);
  if (host.value && (name === "security" || name === "machines" || name === "deploy" || name === "inventoryGroups")) {
    return Promise.resolve({ ok: false, reason: "invalid-argument", message: `${id} works on this machine; it takes no host.` });
  }
  return HANDLERS[name](contextForHost(context, host.value), args, signal);
}

function signalOf(token: CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}

export type OperationsOptions = {
  logger: Logger;
  /** Sees every answer, e.g. to show security findings as diagnostics. */
  onAnswer?: (command: string, args: unknown, answer: Answer<OperationResult>) => void;
} & (
  | { policy: ExecutionPolicy }
  /** A context made with createOperationContext, kept by the caller to call markUnitFilesChanged on it. */
  | { context: OperationContext }
);

/**
 * Answers workspace/executeCommand for the unitsmith.systemd.* commands; returns their ids for
 * `executeCommandProvider.commands`. An exception answers {ok: false, reason: "internal-error"} and is logged.
 */
export function registerOperations(connection: Pick<Connection, "onExecuteCommand">, options: OperationsOptions): string[] {
  const context = "context" in options ? options.context : createOperationContext({ policy: options.policy });
  connection.onExecuteCommand(async ({ command, arguments: args }, token): Promise<Answer<OperationResult>> => {
    if (args !== undefined && args.length > 1) {
      return { ok: false, reason: "invalid-argument", message: `${command} takes one object argument, not ${args.length}` };
    }
    try {
      const answer = await executeOperation(context, command, args?.[0], signalOf(token));
      options.onAnswer?.(command, args?.[0], answer);
      return answer;
    } catch (error) {
      options.logger.error(`${command} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      const failure: OperationFailure = {
        ok: false,
        reason: "internal-error",
        message: `${command} failed unexpectedly; the Unitsmith log has the details.`,
      };
      return failure;
    }
  });
  return [...COMMAND_IDS];
}
