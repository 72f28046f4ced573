import { existsSync, readFileSync } from "node:fs";

// A safety net so that a process that never goes away fails the test instead of hanging it; no
// test measures against it.
const GIVE_UP_MS = 10_000;
const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Whether a process runs: a killed child that nobody has reaped yet is a zombie and runs nothing. */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces and parentheses; the state follows the last ")".
    return stat[stat.lastIndexOf(")") + 2] !== "Z";
  } catch {
    return false;
  }
}

/**
 * The processes of `pids` still running once all are gone (or the safety net gives up). Survivors
 * are killed after they are counted, so a failing test leaves no orphan behind.
 */
export async function survivorsOf(pids: readonly number[]): Promise<number[]> {
  const giveUp = Date.now() + GIVE_UP_MS;
  while (pids.some(isRunning) && Date.now() < giveUp) await pause();
  const survivors = pids.filter(isRunning);
  for (const pid of survivors) process.kill(pid, "SIGKILL");
  return survivors;
}

export async function untilExists(path: string): Promise<void> {
  const giveUp = Date.now() + GIVE_UP_MS;
  while (!existsSync(path) && Date.now() < giveUp) await pause();
}

/**
 * Shell lines for a fake program that hangs with a child of its own: it appends its pid and its
 * child's to `pidsFile` and waits for the child, which keeps the output pipes open.
 */
export const hangWithChild = (pidsFile: string) => `sleep 600 &\necho "$$ $!" >> '${pidsFile}'\nwait`;

/** Every pid `hangWithChild` wrote, once the file is there. */
export async function pidsIn(pidsFile: string): Promise<number[]> {
  await untilExists(pidsFile);
  return readFileSync(pidsFile, "utf8").trim().split(/\s+/).map(Number);
}
