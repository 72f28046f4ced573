import { spawn } from "node:child_process";
import { constants } from "node:os";

export interface ProcessResult {
  /** The exit status; 128 + the signal number when a signal ended the process. */
  code: number;
  stdout: string;
  stderr: string;
}

export interface ProcessOptions {
  /** The whole environment of the process (nothing is inherited when given). */
  env?: Record<string, string | undefined>;
  input?: string | Buffer;
  timeoutMs?: number;
  /** Let the process write to this process's stderr (for progress lines) instead of capturing it. */
  inheritStderr?: boolean;
}

/** Runs argv (never through a shell) to its end; one that outlives its timeout is killed and rejected. */
export function runProcess(argv: readonly string[], options: ProcessOptions = {}): Promise<ProcessResult> {
  const [file, ...args] = argv;
  if (file === undefined) return Promise.reject(new Error("runProcess: empty argv"));
  const timeoutMs = options.timeoutMs ?? 30_000;
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      env: options.env ?? process.env,
      stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", options.inheritStderr ? "inherit" : "pipe"],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${file}: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const result = {
        code: code ?? 128 + (signal ? constants.signals[signal] : 0),
        stdout: Buffer.concat(stdout).toString(),
        stderr: Buffer.concat(stderr).toString(),
      };
      if (timedOut) {
        reject(new Error(`timed out after ${timeoutMs} ms: ${argv.join(" ")}\n${result.stderr}`));
      } else {
        resolve(result);
      }
    });
    if (options.input !== undefined) {
      // A process that exits without reading its input must not turn into an EPIPE crash.
      child.stdin?.on("error", () => {});
      child.stdin?.end(options.input);
    }
  });
}
