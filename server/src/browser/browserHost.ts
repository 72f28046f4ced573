import { fileUri, pathOfUri } from "../language/fileUri";
import { emptyHost, type UnitLanguageHost } from "../language/host";
import { specialUnitsFor } from "../language/specialUnits";
import { descriptionOf, staticCatalog, type KnownUnit, type UnitCatalog } from "../language/unitCatalog";
import { unitKind, type Scope } from "../language/unitKind";
import {
  READ_WORKSPACE_FILE,
  WORKSPACE_FILES,
  type ReadWorkspaceFileParams,
  type ReadWorkspaceFileResult,
  type WorkspaceFilesResult,
} from "../protocol/workspaceFiles";

/** "scheme://authority" of a URI whose path part is the path pathOfUri reads; undefined for a file: URI or none. */
function originOf(uri: string): string | undefined {
  try {
    const url = new URL(uri);
    return url.protocol === "file:" ? undefined : `${url.protocol}//${url.host}`;
  } catch {
    return undefined;
  }
}

/** How the host asks the client: a request and its answer. */
export type AskClient = <R>(method: string, params?: unknown) => Promise<R>;

export interface BrowserHost extends UnitLanguageHost {
  /** Forgets the workspace's files, e.g. when they changed. */
  invalidate(): void;
}

/** Bytes of a unit file read for its Description=. */
const DESCRIPTION_BYTES = 64 * 1024;
/** How long a listing of the workspace is reused when the client reports no file changes. */
const LISTING_TTL_MS = 30_000;

/**
 * The language service's host where there is no machine to ask (a web worker): the workspace's
 * unit files come from the client, through the two requests of the contract, and everything
 * about a machine (its unit directories, man pages, facts) is unknown, as in `emptyHost()`.
 */
export function createBrowserHost(ask: AskClient, now: () => number = Date.now): BrowserHost {
  const empty = emptyHost();
  /** The last listing, and the catalogs built from it (each reads the units' descriptions once). */
  let listing: { at: number; files: Promise<Map<string, string>>; catalogs: Map<Scope, Promise<UnitCatalog>> } | undefined;

  /** Every file the client listed, path → URI: the answers name a file by the URI the client gave. */
  const known = new Map<string, string>();
  /** Where the workspace's files live: "scheme://authority" and the directory paths under it. */
  const origins = new Map<string, string>();

  const listWorkspace = async (): Promise<Map<string, string>> => {
    const byPath = new Map<string, string>();
    const uris = await ask<WorkspaceFilesResult>(WORKSPACE_FILES).catch(() => []);
    for (const uri of Array.isArray(uris) ? uris : []) {
      if (typeof uri !== "string") continue;
      const path = pathOfUri(uri);
      const kind = unitKind(path);
      if (!kind.file && !kind.dropIn) continue;
      byPath.set(path, uri);
      known.set(path, uri);
      const origin = originOf(uri);
      if (origin) origins.set(path.slice(0, path.lastIndexOf("/") + 1), origin);
    }
    return byPath;
  };

  /** A listed file's own URI; a path beside one (a file a rename makes) under the same scheme and authority. */
  const uriOf = (path: string): string => {
    const listed = known.get(path);
    if (listed) return listed;
    let best: { directory: string; origin: string } | undefined;
    for (const [directory, origin] of origins) {
      if (path.startsWith(directory) && directory.length > (best?.directory.length ?? -1)) best = { directory, origin };
    }
    return best ? best.origin + fileUri(path).slice("file://".length) : fileUri(path);
  };
  const current = () => {
    if (!listing || now() - listing.at > LISTING_TTL_MS) listing = { at: now(), files: listWorkspace(), catalogs: new Map() };
    return listing;
  };
  /** The workspace's unit and drop-in files: path → URI. */
  const files = () => current().files;

  const readFile = async (path: string, maxBytes: number): Promise<string | undefined> => {
    const uri = (await files()).get(path);
    if (!uri) return undefined;
    const params: ReadWorkspaceFileParams = { uri, maxBytes };
    const text = await ask<ReadWorkspaceFileResult>(READ_WORKSPACE_FILE, params).catch(() => null);
    return typeof text === "string" ? text.slice(0, maxBytes) : undefined;
  };

  const buildCatalog = async (scope: Scope): Promise<UnitCatalog> => {
    const workspace: (KnownUnit & { description?: string })[] = await Promise.all(
      [...(await files()).keys()]
        .filter((path) => !unitKind(path).dropIn)
        .map(async (path) => {
          const text = await readFile(path, DESCRIPTION_BYTES);
          const description = text === undefined ? undefined : descriptionOf(text);
          return { name: unitKind(path).name, origin: "workspace" as const, path, ...(description && { description }) };
        }),
    );
    return staticCatalog([...workspace, ...specialUnitsFor(scope).map((unit) => ({ ...unit, origin: "special" as const }))]);
  };

  const units = (scope: Scope): Promise<UnitCatalog> => {
    const { catalogs } = current();
    const built = catalogs.get(scope) ?? buildCatalog(scope);
    catalogs.set(scope, built);
    return built;
  };

  const workspaceFiles = async () => [...(await files()).keys()];
  return {
    ...empty,
    invalidate: () => (listing = undefined),
    isFile: async (path) => (await files()).has(path),
    readFile,
    units,
    unitFiles: workspaceFiles,
    workspaceFiles,
    uriOf,
  };
}
