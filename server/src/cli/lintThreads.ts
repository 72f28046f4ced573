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
 * Every target linted by the main thread (`lintHere`) and `workers` worker threads, each taking the
 * next batch of files when it is done with one, so a thread slowed by the machine takes fewer; the
 * outcomes in the targets' order.
 */
export async function lintInThreads(
  targets: readonly LintTarget[],
  workers: number,
  setup: LintWorkerSetup,
  lintHere: (target: LintTarget) => Promise<FileOutcome>,
): Promise<FileOutcome[]> {
  const outcomes = new Array<FileOutcome>(targets.length);
  let next = 0;
  const take = (): LintBatch | undefined => {
    if (next >= targets.length) return undefined;
    const start = next;
    next = Math.min(targets.length, next + BATCH);
    return { start, targets: targets.slice(start, next) };
  };
  const store = ({ start, outcomes: done }: LintBatchDone) => done.forEach((outcome, i) => (outcomes[start + i] = outcome));

  const inWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(WORKER_SCRIPT, { workerData: setup });
      let finished = false;
      worker.on("message", ({ done }: LintWorkerAsks) => {
        if (done) store(done);
        const batch = take();
        if (batch) return worker.postMessage(batch);
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
    for (let batch = take(); batch; batch = take()) {
      store({ start: batch.start, outcomes: await mapInOrder(batch.targets, setup.inFlight, lintHere) });
    }
  };
  await Promise.all([...Array.from({ length: workers }, inWorker), here()]);
  return outcomes;
}
