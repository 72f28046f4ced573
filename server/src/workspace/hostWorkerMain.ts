// The Node host's worker thread (bundled as server/dist/hostWorker.js): it reads unit files for the
// unit index, a long job that would otherwise hold up the language server's requests. It holds
// nothing but this file's code: what the index keeps of a file is worked out by the host.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import type { HostWorkerAnswer, HostWorkerQuestion } from "./hostWorkerMessages";
import { READ_FLAGS } from "./readFileHead";

const port = parentPort!;

/** The buffer every synchronous read fills, grown to the largest read so far: one allocation, not one a file. */
let scratch = Buffer.allocUnsafe(0);

/**
 * As readFileHead reads a file, synchronously: nothing waits for this thread, and a file costs one
 * system call a step instead of four trips through the event loop.
 */
function readFileHeadSync(path: string, maxBytes: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, READ_FLAGS);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return undefined;
    const size = Math.min(maxBytes, stat.size);
    if (scratch.length < size) scratch = Buffer.allocUnsafe(size);
    return scratch.toString("utf8", 0, readSync(fd, scratch, 0, size, 0));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

port.on("message", (question: HostWorkerQuestion) => {
  const answer: HostWorkerAnswer = { id: question.id, texts: question.paths.map((path) => readFileHeadSync(path, question.maxBytes)) };
  port.postMessage(answer);
});
