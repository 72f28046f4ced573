import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { LintFlags } from "../language/project/projectConfig";
import type { FileOutcome, LintFileOptions } from "./lintFile";
import { mapInOrder } from "./mapInOrder";

/** A file to lint and the path its findings are reported under. */
export interface LintTarget {
  path: string;
  shown: string;
}

/** What a lint worker is started with: what makes its language service and its lint alike to the main thread's. */
export interface LintWorkerSetup {
  flags: LintFlags;
  options: LintFileOptions;
  inFlight: number;
}

/** A batch sent to a worker, and the worker's answer for it. */
export interface LintBatch {
  start: number;
  targets: LintTarget[];
}
export interface LintBatchDone {
  start: number;
  outcomes: FileOutcome[];
}
/** A worker asks for a batch when it is ready, and with the outcomes of the batch it was given. */
export interface LintWorkerAsks {
  done?: LintBatchDone;
}

/** Files handed out at a time: few enough that the threads finish together, enough that messages are rare. */
const BATCH = 40;

/** The worker's bundle, beside the CLI's (scripts/build.mjs makes both). */
const WORKER_SCRIPT = join(__dirname, "lintWorker.js");

/**
 * Every target linted by the main thread (`lintHere`) and up to `workers` worker threads, each
 * taking the next batch of files when it is done with one; the outcomes in the targets' order.
 */
export async function lintInThreads(
  targets: readonly LintTarget[],
  workers: number,
  setup: LintWorkerSetup,
  lintHere: (target: LintTarget) => Promise<FileOutcome>,
): Promise<FileOutcome[]> {
  const outcomes = new Array<FileOutcome>(targets.length);
  // No thread is started for less than a batch of files.
  const threads = Math.min(workers + 1, Math.ceil(targets.length / BATCH));
  // Each thread lints a stretch of the files of its own, so that it lists and reads the directories
  // of that stretch only; a thread done with its own takes the last files of the stretch that has
  // the most left, so that a thread the machine slows down is helped.
  const stretches = Array.from({ length: threads }, (_, t) => ({
    next: Math.floor((t * targets.length) / threads),
    end: Math.floor(((t + 1) * targets.length) / threads),
  }));
  const batch = (start: number, end: number): LintBatch => ({ start, targets: targets.slice(start, end) });
  const take = (thread: number): LintBatch | undefined => {
    const own = stretches[thread]!;
    if (own.next < own.end) return batch(own.next, (own.next = Math.min(own.end, own.next + BATCH)));
    const most = stretches.reduce((a, b) => (b.end - b.next > a.end - a.next ? b : a));
    if (most.next >= most.end) return undefined;
    const end = most.end;
    most.end = Math.max(most.next, end - BATCH);
    return batch(most.end, end);
  };
  const store = ({ start, outcomes: done }: LintBatchDone) => done.forEach((outcome, i) => (outcomes[start + i] = outcome));

  const inWorker = (thread: number) =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(WORKER_SCRIPT, { workerData: setup });
      let finished = false;
      worker.on("message", ({ done }: LintWorkerAsks) => {
        if (done) store(done);
        const next = take(thread);
        if (next) return worker.postMessage(next);
        finished = true;
        void worker.terminate().then(() => resolve(), reject);
      });
      worker.once("error", reject);
      worker.once(
        "exit",
        (code) => finished || reject(new Error(`a lint thread stopped (exit code ${code}) before its files were linted`)),
      );
    });
  const here = async () => {
    for (let next = take(0); next; next = take(0)) {
      store({ start: next.start, outcomes: await mapInOrder(next.targets, setup.inFlight, lintHere) });
    }
  };
  await Promise.all([...Array.from({ length: threads - 1 }, (_, i) => inWorker(i + 1)), here()]);
  return outcomes;
}
