/** Something a test process has set up on the host and must remove however it ends. */
export interface Teardown {
  /** The orderly way; may wait up to `graceMs` before forcing. */
  stop(graceMs: number): Promise<void>;
  /** The forced way, synchronous so that it can run in an 'exit' handler; safe to repeat. */
  cleanUp(): void;
}

// A test process that is interrupted, or ends without reaching its after()
// hooks, must not leave nspawn, cgroups, mounts or a rootfs behind.
const live = new Set<Teardown>();
let installed = false;

function onSignal(signal: NodeJS.Signals, code: number): void {
  process.once(signal, () => {
    process.stderr.write(`[systemd-container] ${signal}: tearing down ${live.size} container(s)\n`);
    void Promise.allSettled([...live].map((item) => item.stop(5_000))).then(() => process.exit(code));
  });
}

/** Installs the signal and exit handlers; call before making anything that needs tearing down. */
export function installTeardownHandlers(): void {
  if (installed) return;
  installed = true;
  onSignal("SIGINT", 130);
  onSignal("SIGTERM", 143);
  process.on("exit", () => {
    for (const item of live) {
      try {
        item.cleanUp();
      } catch (error) {
        process.stderr.write(`[systemd-container] teardown failed: ${String(error)}\n`);
      }
    }
  });
}

export function track(item: Teardown): void {
  installTeardownHandlers();
  live.add(item);
}

export function untrack(item: Teardown): void {
  live.delete(item);
}
