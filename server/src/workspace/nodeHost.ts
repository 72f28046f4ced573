import type { UnitLanguageHost } from "../language/host";
import type { HostFacts } from "../language/specifierExpansion";
import type { ManPageLibrary } from "../systemd/manPages";
import { createFileProbe, createPathLister, type ProbeOptions } from "./fileSystemProbes";
import { readHostFacts } from "./hostFacts";
import { readFileHead } from "./readFileHead";
import { unitSearchPaths } from "./searchPaths";
import { UnitIndex, type UnitIndexOptions } from "./unitIndex";

export interface NodeHostOptions extends UnitIndexOptions {
  /** How directory listings and file probes read the disk, and how long an answer is reused (5 s). */
  probes?: ProbeOptions;
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
  return {
    index,
    listDirectory: createPathLister(options.probes),
    isFile: createFileProbe(options.probes),
    readFile: options.readFile ?? readFileHead,
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
