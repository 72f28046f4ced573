import { constants } from "node:fs";
import { open } from "node:fs/promises";
import type { Location } from "vscode-languageserver-types";
import { fileUri } from "../language/fileUri";
import { parseUnitFile } from "../language/parser";
import { referencesIn } from "../language/references";
import { unitKind } from "../language/unitKind";

export interface ReferenceSearchOptions {
  /** Files read at most; the rest are not searched. */
  maxFiles?: number;
  /** Bytes read of each file. */
  maxBytes?: number;
  /** The text of documents open in the editor, which wins over the file on disk. */
  openText?: (path: string) => string | undefined;
  signal?: AbortSignal;
}

const PARALLEL_READS = 16;

async function readHead(path: string, maxBytes: number): Promise<string | undefined> {
  try {
    // Non-blocking, so a FIFO named like a unit cannot hang the search.
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) return undefined;
      const buffer = Buffer.alloc(Math.min(maxBytes, stat.size));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return buffer.toString("utf8", 0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

/** Where the given files name `unit` in a unit-typed directive (an instance counts for its template). */
export async function findUnitReferences(
  unit: string,
  files: readonly string[],
  options: ReferenceSearchOptions = {},
): Promise<Location[]> {
  const maxBytes = options.maxBytes ?? 256 * 1024;
  const queue = files.slice(0, options.maxFiles ?? 5000);
  const found: Location[] = [];
  const worker = async () => {
    for (let path = queue.shift(); path !== undefined && !options.signal?.aborted; path = queue.shift()) {
      const text = options.openText?.(path) ?? (await readHead(path, maxBytes));
      if (text === undefined || !text.includes(unit.replace(/@\..*$/, ""))) continue;
      const file = parseUnitFile(text);
      for (const reference of referencesIn(file, unitKind(path), unit)) {
        found.push({ uri: fileUri(path), range: file.lines.rangeOf(reference.start, reference.end) });
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_READS }, worker));
  return found.sort((a, b) => a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line);
}
