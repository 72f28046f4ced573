import { setTimeout as sleep } from "node:timers/promises";

/**
 * Calls `attempt` until it returns a value other than undefined, pausing
 * `intervalMs` between tries; rejects with `what` once `deadline` (ms since the
 * epoch) has passed.
 */
export async function pollUntil<T>(
  what: string,
  deadline: number,
  attempt: () => Promise<T | undefined> | T | undefined,
  intervalMs = 50,
): Promise<T> {
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/** Blocks the thread for `ms`: only for clean-up that must finish inside a process 'exit' handler. */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
