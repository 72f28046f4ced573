import { setTimeout as delay } from "node:timers/promises";

/**
 * Calls probe every intervalMs until it returns something other than undefined, and resolves with
 * that; rejects naming what was awaited (and what the last probe saw, if explain is given) when
 * timeoutMs pass first.
 */
export async function pollUntil<T>(
  what: string,
  timeoutMs: number,
  probe: () => T | undefined | Promise<T | undefined>,
  explain?: () => string,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() >= deadline) {
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${explain ? `\n${explain()}` : ""}`);
    }
    await delay(intervalMs);
  }
}
