// Helpers for the tests that compare the value grammars with the installed systemd-analyze.
import { execFile, execFileSync } from "node:child_process";

export function hasSystemdAnalyze(): boolean {
  try {
    execFileSync("systemd-analyze", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export interface AnalyzeRun {
  stdout: string;
  stderr: string;
  code: number;
}

/** Runs `systemd-analyze VERB [OPTIONS...] -- ARGS...` in UTC (or `timeZone`), without a pager or colours. */
export function runAnalyze(verb: string, args: readonly string[], options: readonly string[] = [], timeZone = "UTC"): Promise<AnalyzeRun> {
  return new Promise((resolve, reject) => {
    execFile(
      "systemd-analyze",
      [verb, ...options, "--", ...args],
      {
        env: { ...process.env, TZ: timeZone, SYSTEMD_PAGER: "cat", SYSTEMD_COLORS: "0", LC_ALL: "C.UTF-8" },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 120_000,
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") reject(error);
        else resolve({ stdout, stderr, code: error ? Number(error.code) : 0 });
      },
    );
  });
}

/** A small deterministic pseudo-random generator (mulberry32), so samples are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function picker(random: () => number) {
  return {
    int: (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!,
    chance: (p: number) => random() < p,
  };
}
