import type { Scope } from "../language/unitKind";
import type { ExecTarget } from "../systemd/processRunner";
import { LOCAL, type Transport } from "../systemd/transport";
import { SerialLock } from "../systemd/serialLock";
import { defaultUnitDirectories, type UnitDirectories } from "../systemd/unitDirectories";
import { hostFiles, type UnitFiles } from "../systemd/unitFiles";
import type { ExecutionPolicy } from "./policy";

/** Everything the operations need from outside; one per server (the lock is what serialises systemctl). */
export interface OperationContext {
  policy: ExecutionPolicy;
  /** A prefix and environment for every process (empty in the server; a container's in tests). */
  exec: ExecTarget;
  /** The machine whose systemd the operations act on (this one unless a command names a host). */
  transport: Transport;
  /** The files of the machine systemd runs on. */
  files: UnitFiles;
  /** The files of the machine the editor's files are on, where install reads its source; `files` when absent. */
  sourceFiles?: UnitFiles;
  directories: UnitDirectories;
  lock: SerialLock;
  timeouts: { defaultMs: number; journalMs: number; connectSeconds: number };
  /** Scopes whose unit files changed since their last daemon-reload. */
  reloadPending: Set<Scope>;
  /** Each other host's lock and pending reloads, so that a host that hangs holds up only its own commands. */
  hosts: Map<string, Pick<OperationContext, "lock" | "reloadPending">>;
}

export type ContextOptions = Partial<Omit<OperationContext, "policy" | "lock" | "reloadPending" | "hosts">> & { policy: ExecutionPolicy };

export function createOperationContext(options: ContextOptions): OperationContext {
  return {
    exec: {},
    transport: LOCAL,
    files: hostFiles(),
    directories: defaultUnitDirectories(),
    timeouts: { defaultMs: 30_000, journalMs: 10_000, connectSeconds: 10 },
    ...options,
    lock: new SerialLock(),
    reloadPending: new Set(),
    hosts: new Map(),
  };
}

/** Call when a unit file of the scope was saved: the next operation in that scope reloads systemd first. */
export function markUnitFilesChanged(context: OperationContext, scope: Scope): void {
  context.reloadPending.add(scope);
}
