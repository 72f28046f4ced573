import type { UnitLanguageHost } from "../language/host";
import type { HostFacts } from "../language/specifierExpansion";
import type { ManPageLibrary } from "../systemd/manPages";
import { createFileProbe, createPathLister } from "./fileSystemProbes";
import { readHostFacts } from "./hostFacts";
import { readFileHead } from "./readFileHead";
import { unitSearchPaths } from "./searchPaths";
import { UnitIndex, type UnitIndexOptions } from "./unitIndex";

export interface NodeHostOptions extends UnitIndexOptions {
  /** How long a directory listing or a file probe is reused: 5 s, or a whole lint run. */
  probeTtlMs?: number;
}

export interface NodeHost extends UnitLanguageHost {
  /** The unit index, to forget its scans when unit files change. */
  readonly index: UnitIndex;
}

/**
 * The language service's host on a machine with Node: its directories, unit files, man pages and
 * facts, each read asynchronously on first use and cached briefly.
 */
export function createNodeHost(manPages: ManPageLibrary, options: NodeHostOptions = {}): NodeHost {
  const index = new UnitIndex(options);
  let facts: Promise<HostFacts> | undefined;
  const probes = options.probeTtlMs === undefined ? {} : { ttlMs: options.probeTtlMs };
  return {
    index,
    listDirectory: createPathLister(probes),
    isFile: createFileProbe(probes),
    readFile: readFileHead,
    units: (scope) => index.catalog(scope),
    unitSearchPaths: async (scope) => (options.searchPaths ?? unitSearchPaths)(scope),
    unitFiles: (scope) => index.files(scope),
    filesNaming: (scope, unit) => index.filesNaming(scope, unit),
    workspaceFiles: () => index.workspaceFiles(),
    hostFacts: () => (facts ??= readHostFacts().catch(() => ({}))),
    directiveManual: (name, hint) => manPages.directiveDoc(name, hint),
    manualEntry: (page, term) => manPages.termEntry(page, term),
  };
}
