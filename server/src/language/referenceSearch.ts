import type { Location } from "vscode-languageserver-types";
import { fileUri, type UriOf } from "./fileUri";
import { parseUnitFile } from "./parser";
import { referencesIn } from "./references";
import { unitKind } from "./unitKind";

export interface ReferenceSearchOptions {
  /** The text of a file: an open document's when it is open, else the first bytes on disk. */
  read(path: string): Promise<string | undefined>;
  /** Files read at most; the rest are not searched. */
  maxFiles?: number;
  signal?: AbortSignal;
  /** The URI of a path (file: URIs by default). */
  uriOf?: UriOf;
}

const PARALLEL_READS = 16;

/** Where the given files name `unit` in a unit-typed directive (an instance counts for its template). */
export async function findUnitReferences(unit: string, files: readonly string[], options: ReferenceSearchOptions): Promise<Location[]> {
  const queue = files.slice(0, options.maxFiles ?? 5000);
  const found: Location[] = [];
  const uriOf = options.uriOf ?? fileUri;
  const worker = async () => {
    for (let path = queue.shift(); path !== undefined && !options.signal?.aborted; path = queue.shift()) {
      const text = await options.read(path);
      if (text === undefined || !text.includes(unit.replace(/@\..*$/, ""))) continue;
      const file = parseUnitFile(text);
      for (const reference of referencesIn(file, unitKind(path), unit)) {
        found.push({ uri: uriOf(path), range: file.lines.rangeOf(reference.start, reference.end) });
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_READS }, worker));
  return found.sort((a, b) => a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line);
}
