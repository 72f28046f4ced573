// A worker thread of `unitsmith lint` on a large tree: lints the batches of files the main thread
// hands it with a language service of its own (server/src/cli/lintThreads.ts).
import { parentPort, workerData } from "node:worker_threads";
import { lintFile } from "./cli/lintFile";
import { createLintService } from "./cli/lintService";
import type { LintBatch, LintWorkerAsks, LintWorkerSetup } from "./cli/lintThreads";
import { mapInOrder } from "./cli/mapInOrder";

const setup = workerData as LintWorkerSetup;
const service = createLintService(setup.flags);
const port = parentPort!;
const ask = (asks: LintWorkerAsks) => port.postMessage(asks);
port.on("message", async ({ start, targets }: LintBatch) => {
  const outcomes = await mapInOrder(targets, setup.inFlight, ({ path, shown }) => lintFile(service, path, shown, setup.options));
  ask({ done: { start, outcomes } });
});
ask({});
