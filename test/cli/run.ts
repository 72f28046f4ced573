import { execFile } from "node:child_process";
import { join } from "node:path";

export const CLI = join(__dirname, "../../server/bin/unitsmith.js");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `unitsmith` binary with argv (no shell), optionally feeding standard input. */
export function unitsmith(args: string[], cwd: string, input?: string, env?: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [CLI, ...args],
      { cwd, env: env ?? process.env, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin!.end(input ?? "");
  });
}
