import { Worker } from "node:worker_threads";
import type { HostWorkerAnswer, HostWorkerQuestion } from "./hostWorkerMessages";

interface Pending {
  answered: (texts: (string | undefined)[]) => void;
  failed: (error: Error) => void;
}

/**
 * How long the thread waits before it ends: for another question, 1 s (the parts of one index build
 * follow each other closely); for its first when it was started ahead, 10 s (an index build begins
 * with the first diagnostics).
 */
const WAITS = { idleMs: 1_000, aheadMs: 10_000 };

/**
 * The main thread's side of the Node host's worker thread (`hostWorkerMain.ts`). The thread runs only
 * while there is reading to do: it starts on a question and ends a moment after its last answer, so
 * that its V8 heap (about 10 MiB) is given back once the unit index is built. When the thread cannot
 * start or dies, every question pending and every later one fails, and the host does the work itself.
 */
export class HostWorker {
  private worker: Worker | undefined;
  private broken: Error | undefined;
  private idle: ReturnType<typeof setTimeout> | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /**
   * `online` is called each time a thread runs: a thread's start sets some of V8's flags back for
   * the whole process, and the owner may set them again.
   */
  constructor(
    private readonly script: string,
    private readonly online?: () => void,
    private readonly waits = WAITS,
  ) {}

  /** Whether a thread runs now. */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** Starts the thread ahead of the reading it is for (its start takes 50 to 150 ms on a loaded machine). */
  startAhead(): void {
    const worker = this.started();
    if (worker && this.pending.size === 0) this.endWhenIdle(worker, this.waits.aheadMs);
  }

  /** The first `maxBytes` of each file; undefined for a file it cannot read. */
  texts(paths: readonly string[], maxBytes: number): Promise<(string | undefined)[]> {
    return new Promise((resolve, reject) => {
      const worker = this.started();
      if (!worker) return reject(this.broken);
      clearTimeout(this.idle);
      const id = this.nextId++;
      this.pending.set(id, { answered: resolve, failed: reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, paths, maxBytes } satisfies HostWorkerQuestion);
    });
  }

  private started(): Worker | undefined {
    if (this.broken || this.worker) return this.worker;
    try {
      const worker = new Worker(this.script);
      // The thread keeps the process alive only while it has work.
      worker.unref();
      if (this.online) worker.once("online", this.online);
      worker.on("message", (answer: HostWorkerAnswer) => {
        this.pending.get(answer.id)?.answered(answer.texts);
        this.pending.delete(answer.id);
        if (this.pending.size > 0) return;
        worker.unref();
        this.endWhenIdle(worker, this.waits.idleMs);
      });
      worker.on("error", (error) => this.fail(worker, error));
      worker.on("exit", () => this.fail(worker, new Error("the host's worker thread stopped")));
      this.worker = worker;
    } catch (error) {
      this.broken = error instanceof Error ? error : new Error(String(error));
    }
    return this.worker;
  }

  private endWhenIdle(worker: Worker, ms: number): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.stop(worker), ms).unref();
  }

  /** Ends an idle thread; the next question starts another. */
  private stop(worker: Worker): void {
    if (this.worker !== worker || this.pending.size > 0) return;
    this.worker = undefined;
    void worker.terminate();
  }

  /** A thread that failed or stopped by itself: the host reads in its own thread from now on. */
  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.broken = error;
    this.worker = undefined;
    clearTimeout(this.idle);
    for (const pending of this.pending.values()) pending.failed(error);
    this.pending.clear();
  }
}
