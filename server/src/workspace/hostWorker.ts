import { Worker } from "node:worker_threads";
import type { HostWorkerAnswer, HostWorkerQuestion } from "./hostWorkerMessages";

interface Pending {
  answered: (texts: (string | undefined)[]) => void;
  failed: (error: Error) => void;
}

/** How long the thread waits for another question before it ends: the parts of one index build follow each other closely. */
const IDLE_MS = 1_000;

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
    private readonly idleMs = IDLE_MS,
  ) {}

  /** Whether a thread runs now. */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** The first `maxBytes` of each file; undefined for a file it cannot read. */
  texts(paths: readonly string[], maxBytes: number): Promise<(string | undefined)[]> {
    return new Promise((resolve, reject) => {
      const worker = this.started();
      if (!worker) return reject(this.broken);
      clearTimeout(this.idle);
      const id = this.nextId++;
      this.pending.set(id, { answered: resolve, failed: reject });
      // The thread keeps the process alive only while it has work.
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, paths, maxBytes } satisfies HostWorkerQuestion);
    });
  }

  private started(): Worker | undefined {
    if (this.broken || this.worker) return this.worker;
    try {
      const worker = new Worker(this.script);
      if (this.online) worker.once("online", this.online);
      worker.on("message", (answer: HostWorkerAnswer) => {
        this.pending.get(answer.id)?.answered(answer.texts);
        this.pending.delete(answer.id);
        if (this.pending.size > 0) return;
        worker.unref();
        this.idle = setTimeout(() => this.stop(worker), this.idleMs).unref();
      });
      worker.on("error", (error) => this.fail(worker, error));
      worker.on("exit", () => this.fail(worker, new Error("the host's worker thread stopped")));
      this.worker = worker;
    } catch (error) {
      this.broken = error instanceof Error ? error : new Error(String(error));
    }
    return this.worker;
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
