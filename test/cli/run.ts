import { execFile } from "node:child_process";
import { join } from "node:path";

export const CLI = join(__dirname, "../../server/bin/unitsmith.js");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], cwd: string, input?: string | Buffer, env?: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(file, args, { cwd, env, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
    child.stdin!.end(input ?? "");
  });
}

/** Runs the built `unitsmith` binary with argv (no shell), optionally feeding standard input. */
export function unitsmith(args: string[], cwd: string, input?: string | Buffer, env?: NodeJS.ProcessEnv): Promise<CliResult> {
  return run(process.execPath, [CLI, ...args], cwd, input, env);
}

/** As `unitsmith`, but as the unprivileged user nobody when running as root, who reads every file. */
export function unitsmithUnprivileged(args: string[], cwd: string): Promise<CliResult> {
  if (process.getuid?.() !== 0) return unitsmith(args, cwd);
  return run("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, CLI, ...args], cwd);
}
