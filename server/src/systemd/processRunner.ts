import { spawn } from "node:child_process";

/** Where and how a command runs: an argv prefix (e.g. entering a container) and variables laid over this process's environment. */
export interface ExecTarget {
  prefix?: readonly string[];
  env?: Readonly<Record<string, string>>;
}

export interface RunOptions extends ExecTarget {
  timeoutMs: number;
  signal?: AbortSignal;
  /** stdout and stderr together; a process that writes more is killed. */
  maxOutputBytes?: number;
  /** Written to the process's stdin, which is then closed (at once when there is none). */
  input?: string;
  /** The working directory; this process's when absent. */
  cwd?: string;
}

export interface ProcessResult {
  ok: true;
  /** The exit status; 128 + the signal number when a signal ended the process. */
  code: number;
  stdout: string;
  stderr: string;
}

export type ProcessErrorKind = "not-found" | "timed-out" | "cancelled" | "output-too-large" | "spawn-failed";

export interface ProcessError {
  ok: false;
  error: ProcessErrorKind;
  /** The program that could not run (the first element of the full argv). */
  command: string;
  message: string;
}

export type ProcessOutcome = ProcessResult | ProcessError;

const DEFAULT_MAX_OUTPUT = 16 * 1024 * 1024;
const SIGNAL_NUMBERS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGSEGV: 11, SIGPIPE: 13, SIGTERM: 15 };

/** Process groups still running; they must not outlive this process, whose timers would have stopped them. */
const runningGroups = new Set<number>();
process.on("exit", () => {
  for (const pid of runningGroups) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
});

/**
 * Runs argv (never through a shell) after the target's prefix. The child leads its own process
 * group so that a timeout or a cancellation kills everything it started (nsenter forks, for one);
 * otherwise an orphan holding the output pipes would keep us waiting.
 */
export function runProcess(argv: readonly string[], options: RunOptions): Promise<ProcessOutcome> {
  const full = [...(options.prefix ?? []), ...argv];
  const command = full[0] ?? "";
  const fail = (error: ProcessErrorKind, message: string): ProcessError => ({ ok: false, error, command, message });
  if (full.length === 0) return Promise.resolve(fail("spawn-failed", "nothing to run: the command line is empty"));
  if (options.signal?.aborted) return Promise.resolve(fail("cancelled", `${argv[0]} was cancelled before it started`));

  return new Promise((resolve) => {
    const child = spawn(command, full.slice(1), {
      env: { ...process.env, ...options.env },
      ...(options.cwd !== undefined && { cwd: options.cwd }),
      stdio: ["pipe", "pipe", "pipe"],
      detached: true,
      shell: false,
    });
    // A program that exits without reading all of its input closes the pipe: its exit status tells, not EPIPE.
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.input ?? "");
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let size = 0;
    let settled = false;
    if (child.pid !== undefined) runningGroups.add(child.pid);

    const finish = (outcome: ProcessOutcome) => {
      if (settled) return;
      settled = true;
      if (child.pid !== undefined) runningGroups.delete(child.pid);
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      resolve(outcome);
    };
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
      child.stdout.destroy();
      child.stderr.destroy();
    };
    const abortWith = (error: ProcessErrorKind, message: string) => {
      if (settled) return;
      killGroup();
      finish(fail(error, message));
    };
    const onAbort = () => abortWith("cancelled", `${argv[0]} was cancelled`);
    const timer = setTimeout(
      () => abortWith("timed-out", `${argv[0]} did not finish within ${Math.round(options.timeoutMs / 100) / 10} s and was stopped`),
      options.timeoutMs,
    );
    options.signal?.addEventListener("abort", onAbort, { once: true });

    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length;
      if (size > (options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT)) abortWith("output-too-large", `${argv[0]} wrote more output than allowed`);
      else into.push(chunk);
    };
    child.stdout.on("data", collect(stdout));
    child.stderr.on("data", collect(stderr));

    child.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") finish(fail("not-found", `${command} was not found on PATH`));
      else finish(fail("spawn-failed", `${command} could not be started: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      finish({
        ok: true,
        code: code ?? 128 + (signal ? (SIGNAL_NUMBERS[signal] ?? 0) : 0),
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      });
    });
  });
}
