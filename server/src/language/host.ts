import type { PathEntry } from "./pathCompletion";
import type { HostFacts } from "./specifierExpansion";
import { specialUnitsFor } from "./specialUnits";
import { staticCatalog, type UnitCatalog } from "./unitCatalog";
import type { Scope } from "./unitKind";

/** The installed man page's own text about a directive. */
export interface ManualText {
  /** The page and section it came from, e.g. "systemd.exec(5)". */
  reference: string;
  markdown: string;
}

/** Where a directive is documented: its page when the knowledge base knows it, and its section. */
export interface DirectiveManualHint {
  page?: string;
  section: string;
}

/**
 * Everything the language service asks of the machine the units are for. Every answer is
 * asynchronous and may be empty: a host that cannot tell (a browser, a test) answers with nothing,
 * and the features that need the answer offer less.
 */
export interface UnitLanguageHost {
  /** The entries of a directory, symlinks followed; undefined when it cannot be read. */
  listDirectory(path: string): Promise<readonly PathEntry[] | undefined>;
  /** Whether an absolute path is a regular file. */
  isFile(path: string): Promise<boolean>;
  /** The first `maxBytes` of a file; undefined when it is missing, unreadable or not a regular file. */
  readFile(path: string, maxBytes: number): Promise<string | undefined>;
  /** The units a file of this scope may name: the workspace's, the installed ones and systemd's special units. */
  units(scope: Scope): Promise<UnitCatalog>;
  /** The scope's unit directories, highest precedence first, as systemd searches them. */
  unitSearchPaths(scope: Scope): Promise<readonly string[]>;
  /** Every unit and drop-in file of the workspace and of the scope's unit directories. */
  unitFiles(scope: Scope): Promise<readonly string[]>;
  /**
   * Of `unitFiles(scope)`, those that name `unit` in a unit-typed directive (an instance counts for
   * its template), from an index the host keeps up to date; absent where the host keeps none, and a
   * reference search then reads every file.
   */
  filesNaming?(scope: Scope, unit: string): Promise<readonly string[]>;
  /** Every unit and drop-in file of the workspace folders (the files a rename may change). */
  workspaceFiles(): Promise<readonly string[]>;
  /** What specifiers such as %H and %h are on this machine. */
  hostFacts(): Promise<HostFacts>;
  /** The installed man page's text for a directive; undefined when no page is installed. */
  directiveManual(name: string, hint: DirectiveManualHint): Promise<ManualText | undefined>;
  /** The installed page's entry listed under a term (a tmpfiles.d line type, a udev key); undefined when there is none. */
  manualEntry(page: string, term: string): Promise<ManualText | undefined>;
  /**
   * The URI the client knows a path by, for answers that point at another file (definition,
   * references, links, rename); a file: URI when absent. A web workspace's files are not file: URIs.
   */
  uriOf?(path: string): string;
}

const nothing = async () => undefined;

/** A host that knows nothing of any machine: systemd's special units only, no files, no pages. */
export function emptyHost(): UnitLanguageHost {
  // One catalog per scope, as a machine's host keeps one per scan: the findings about units an
  // analysis keeps are kept for as long as the catalog is the same.
  const catalogs = new Map<Scope, UnitCatalog>();
  const catalogOf = (scope: Scope): UnitCatalog => {
    let catalog = catalogs.get(scope);
    if (!catalog) catalogs.set(scope, (catalog = staticCatalog(specialUnitsFor(scope).map((unit) => ({ ...unit, origin: "special" })))));
    return catalog;
  };
  return {
    listDirectory: nothing,
    isFile: async () => false,
    readFile: nothing,
    units: async (scope) => catalogOf(scope),
    unitSearchPaths: async () => [],
    unitFiles: async () => [],
    workspaceFiles: async () => [],
    hostFacts: async () => ({}),
    directiveManual: nothing,
    manualEntry: nothing,
  };
}
