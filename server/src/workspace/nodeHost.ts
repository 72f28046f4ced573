import type { UnitLanguageHost } from "../language/host";
import { unitFileFacts } from "../language/unitFileFacts";
import type { HostFacts } from "../language/specifierExpansion";
import type { ManPageLibrary } from "../systemd/manPages";
import { createFileProbe, createPathLister, type ProbeOptions } from "./fileSystemProbes";
import { HostWorker } from "./hostWorker";
import { readHostFacts } from "./hostFacts";
import { readFileHead } from "./readFileHead";
import { unitSearchPaths } from "./searchPaths";
import { readFactsHere, UnitIndex, type FactsReader, type UnitIndexOptions } from "./unitIndex";

export interface NodeHost extends UnitLanguageHost {
  /** The unit index, to forget its scans when unit files change. */
  readonly index: UnitIndex;
  /** The folders the index lists; with a workspace, the worker thread is started ahead of its reading. */
  setWorkspaceFolders(folders: readonly string[]): void;
}

export interface NodeHostOptions extends UnitIndexOptions {
  /** How directory listings and file probes read the disk, and how long an answer is reused (5 s). */
  probes?: ProbeOptions;
  /**
   * The bundled worker thread's script (server/dist/hostWorker.js): unit files are read for the
   * index there, off the thread that answers requests. Without it, or when the thread fails, they
   * are read in this thread.
   */
  workerScript?: string;
  /** Called each time the worker thread starts running (see HostWorker). */
  workerOnline?: () => void;
}

/** Files the worker thread reads in one question: the facts of each part are worked out here in a few milliseconds. */
const FILES_PER_PART = 25;

/**
 * The fewest files the worker thread is started for. A thread costs its start and a V8 heap of its
 * own, and not all of that memory is given back when it ends: it pays for a workspace's thousands of
 * files, while the few hundred units installed on a machine are read here in a few tens of milliseconds.
 */
export const FILES_FOR_THREAD = 1_000;

/**
 * Facts of files the worker thread reads, a part at a time, the next part read while this thread
 * works out the facts of the last: requests are answered between two parts.
 */
async function readFactsThere(thread: HostWorker, paths: readonly string[], maxBytes: number, found: Parameters<FactsReader>[2]) {
  const part = (from: number) => paths.slice(from, from + FILES_PER_PART);
  const read = (from: number) => (from < paths.length ? thread.texts(part(from), maxBytes) : undefined);
  let next = read(0);
  for (let from = 0; next; from += FILES_PER_PART) {
    const texts = await next;
    next = read(from + FILES_PER_PART);
    part(from).forEach((path, i) => {
      const text = texts[i];
      found(path, text === undefined ? undefined : unitFileFacts(path, text));
    });
    // Back to the event loop: the thread's next answer may be queued already, and a message port
    // hands queued messages over one after another without letting a request in between.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * The language service's host on a machine with Node: its directories, unit files, man pages and
 * facts, each read asynchronously on first use and cached briefly.
 */
export function createNodeHost(manPages: ManPageLibrary, options: NodeHostOptions = {}): NodeHost {
  const worker = options.workerScript === undefined ? undefined : new HostWorker(options.workerScript, options.workerOnline);
  const readHere: FactsReader = (paths, maxBytes, found) => readFactsHere(paths, maxBytes, found, options.readFile);
  // Where the thread fails, the files are read here (again: facts already found are found once more).
  const readFacts: FactsReader = (paths, maxBytes, found) =>
    worker && paths.length >= FILES_FOR_THREAD
      ? readFactsThere(worker, paths, maxBytes, found).catch(() => readHere(paths, maxBytes, found))
      : readHere(paths, maxBytes, found);
  const index = new UnitIndex({ ...options, readFacts });
  let facts: Promise<HostFacts> | undefined;
  return {
    index,
    setWorkspaceFolders: (folders) => {
      index.setWorkspaceFolders(folders);
      if (folders.length > 0) worker?.startAhead();
    },
    listDirectory: createPathLister(options.probes),
    isFile: createFileProbe(options.probes),
    readFile: options.readFile ?? readFileHead,
    units: (scope) => index.catalog(scope),
    unitSearchPaths: async (scope) => (options.searchPaths ?? unitSearchPaths)(scope),
    unitFiles: (scope) => index.files(scope),
    filesNaming: (scope, unit) => index.filesNaming(scope, unit),
    workspaceFiles: () => index.workspaceFiles(),
    hostFacts: () => (facts ??= readHostFacts().catch(() => ({}))),
    // Parsed here in slices of a few milliseconds (see manPages.ts): a thread of their own would hold
    // a heap of its own for as long as the server runs.
    directiveManual: (name, hint) => manPages.directiveDoc(name, hint),
    manualEntry: (page, term) => manPages.termEntry(page, term),
  };
}
