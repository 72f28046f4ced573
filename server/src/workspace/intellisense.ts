import type { Location } from "vscode-languageserver-types";
import type { PathLister } from "../language/pathCompletion";
import type { HostFacts } from "../language/specifierExpansion";
import type { UnitCatalog } from "../language/unitCatalog";
import type { UnitKind } from "../language/unitKind";
import { createFileProbe, createPathLister } from "./fileSystemProbes";
import { readHostFacts } from "./hostFacts";
import { findUnitReferences } from "./referenceSearch";
import { UnitIndex, type UnitIndexOptions } from "./unitIndex";

/** What the completion, hover, link and hint features need from this machine for one document. */
export interface DocumentEnvironment {
  units: UnitCatalog;
  listDirectory: PathLister;
  specifiers: { path: string; host: HostFacts };
}

/**
 * The machine side of the IntelliSense features: the unit index, directory listings, file probes
 * and host facts, each read lazily on first use.
 */
export class MachineKnowledge {
  readonly index: UnitIndex;
  readonly listDirectory: PathLister = createPathLister();
  readonly isFile: (path: string) => boolean = createFileProbe();
  private host: Promise<HostFacts> | undefined;

  constructor(options: UnitIndexOptions = {}) {
    this.index = new UnitIndex(options);
  }

  hostFacts(): Promise<HostFacts> {
    this.host ??= readHostFacts().catch(() => ({}));
    return this.host;
  }

  /** Everything the pure features take about the machine, for a document at `path` of this kind. */
  async environment(kind: UnitKind, path: string): Promise<DocumentEnvironment> {
    const [units, host] = await Promise.all([this.index.catalog(kind.scope ?? "system"), this.hostFacts()]);
    return { units, listDirectory: this.listDirectory, specifiers: { path, host } };
  }

  /** The names of the files beside `path`, so a timer or socket can tell whether its service exists. */
  siblingUnits(path: string): ReadonlySet<string> {
    const directory = path.slice(0, Math.max(1, path.lastIndexOf("/")));
    return new Set((this.listDirectory(directory) ?? []).map((entry) => entry.name));
  }

  /** Where the workspace and the installed units of the scope refer to `unit`. */
  async references(
    unit: string,
    kind: UnitKind,
    openText: (path: string) => string | undefined,
    signal?: AbortSignal,
  ): Promise<Location[]> {
    const files = await this.index.files(kind.scope ?? "system");
    return findUnitReferences(unit, files, { openText, ...(signal && { signal }) });
  }
}
