import type { Scope } from "../language/unitKind";
import type { ExecTarget } from "../systemd/processRunner";
import { SerialLock } from "../systemd/serialLock";
import { defaultUnitDirectories, type UnitDirectories } from "../systemd/unitDirectories";
import { hostFiles, type UnitFiles } from "../systemd/unitFiles";
import type { ExecutionPolicy } from "./policy";

/** Everything the operations need from outside; one per server (the lock is what serialises systemctl). */
export interface OperationContext {
  policy: ExecutionPolicy;
  /** A prefix and environment for every process (empty in the server; a container's in tests). */
  exec: ExecTarget;
  files: UnitFiles;
  directories: UnitDirectories;
  lock: SerialLock;
  timeouts: { defaultMs: number; journalMs: number };
  /** Scopes whose unit files changed since their last daemon-reload. */
  reloadPending: Set<Scope>;
}

export type ContextOptions = Partial<Omit<OperationContext, "policy" | "lock" | "reloadPending">> & { policy: ExecutionPolicy };

export function createOperationContext(options: ContextOptions): OperationContext {
  return {
    exec: {},
    files: hostFiles(),
    directories: defaultUnitDirectories(),
    timeouts: { defaultMs: 30_000, journalMs: 10_000 },
    ...options,
    lock: new SerialLock(),
    reloadPending: new Set(),
  };
}

/** Call when a unit file of the scope was saved: the next operation in that scope reloads systemd first. */
export function markUnitFilesChanged(context: OperationContext, scope: Scope): void {
  context.reloadPending.add(scope);
}
