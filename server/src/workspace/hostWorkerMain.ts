// The Node host's worker thread (bundled as server/dist/hostWorker.js): it reads unit files for the
// unit index and parses man pages, long jobs that would otherwise hold up the language server's
// requests. It holds no knowledge base: what the index keeps of a file is worked out by the host.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { createManPageLibrary } from "../systemd/manPages";
import type { HostWorkerAnswer, HostWorkerQuestion } from "./hostWorkerMessages";
import { READ_FLAGS } from "./readFileHead";

const port = parentPort!;
const manPages = createManPageLibrary();
const answer = (message: HostWorkerAnswer) => port.postMessage(message);

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

async function manualFor(question: Exclude<HostWorkerQuestion, { ask: "texts" }>) {
  switch (question.ask) {
    case "directiveDoc":
      return manPages.directiveDoc(question.name, question.hint);
    case "termEntry":
      return manPages.termEntry(question.page, question.term);
    case "pages":
      // Parsed ahead of the first hover, one after another; nothing to send back.
      for (const name of question.names) await manPages.page(name, question.section);
      return undefined;
  }
}

port.on("message", (question: HostWorkerQuestion) => {
  if (question.ask === "texts")
    return answer({ id: question.id, texts: question.paths.map((path) => readFileHeadSync(path, question.maxBytes)) });
  void manualFor(question).then(
    (found) => answer({ id: question.id, manual: found ? { reference: found.reference, markdown: found.markdown } : undefined }),
    () => answer({ id: question.id, manual: undefined }),
  );
});
