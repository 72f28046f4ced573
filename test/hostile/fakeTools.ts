import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Writes a FAKE executable `name` into `binDir`: a shell script standing in for a systemd tool that
 * hangs or prints garbage. Put `binDir` first on the server's PATH.
 */
export function writeFakeTool(binDir: string, name: string, script: string): void {
  mkdirSync(binDir, { recursive: true });
  const path = join(binDir, name);
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
}

/** Processes still running whose command line mentions `marker` (a temporary directory of the test). */
export function processesMentioning(marker: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();
      if (cmdline.includes(marker) && pid !== String(process.pid)) found.push(`${pid}: ${cmdline}`);
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}

/** The processes mentioning `marker` that are still there after a grace period of up to two seconds. */
export async function processesLeft(marker: string): Promise<string[]> {
  for (let waited = 0; waited < 2000; waited += 100) {
    if (processesMentioning(marker).length === 0) return [];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return processesMentioning(marker);
}

/** Kills, by process id, whatever this test started that is still running (a failed assertion must not leave it behind). */
export function killProcessesMentioning(marker: string): void {
  for (const entry of processesMentioning(marker)) {
    try {
      process.kill(Number(entry.split(":")[0]), "SIGKILL");
    } catch {
      // Gone meanwhile.
    }
  }
}
