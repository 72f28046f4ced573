import { SymbolKind, type SymbolInformation } from "vscode-languageserver-types";
import { fileUri, type UriOf } from "./fileUri";
import { parseUnitFile } from "./parser";
import type { KnownUnit } from "./unitCatalog";

export interface WorkspaceSymbolOptions {
  /** A file's text: an open document's, else the file's. */
  read(path: string): Promise<string | undefined>;
  signal?: AbortSignal;
  /** Symbols answered at most. */
  limit?: number;
  /** The URI of a path (file: URIs by default). */
  uriOf?: UriOf;
}

/** Whether the letters of `query` appear in `name` in order, ignoring case (as editors filter symbols). */
function matches(name: string, query: string): boolean {
  let at = 0;
  const lower = name.toLowerCase();
  for (const letter of query.toLowerCase()) {
    at = lower.indexOf(letter, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/**
 * The workspace's units whose names match `query`, and, when there is a query, the directives
 * assigned in them whose names match it, each with the unit it is in.
 */
export async function workspaceSymbols(
  units: readonly KnownUnit[],
  query: string,
  options: WorkspaceSymbolOptions,
): Promise<SymbolInformation[]> {
  const limit = options.limit ?? 1000;
  const symbols: SymbolInformation[] = [];
  for (const unit of units) {
    if (symbols.length >= limit || options.signal?.aborted) break;
    if (!unit.path) continue;
    const uri = (options.uriOf ?? fileUri)(unit.path);
    if (matches(unit.name, query)) {
      symbols.push({
        name: unit.name,
        kind: SymbolKind.Module,
        location: { uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
      });
    }
    if (query === "") continue;
    const text = await options.read(unit.path);
    if (text === undefined) continue;
    const file = parseUnitFile(text);
    for (const section of file.sections) {
      for (const entry of section.entries) {
        if (!matches(entry.key, query)) continue;
        const range = file.lines.rangeOf(entry.keySpan.start, entry.keySpan.end);
        symbols.push({
          name: `${entry.key}=${entry.value}`,
          kind: SymbolKind.Property,
          location: { uri, range },
          containerName: `${unit.name} [${section.name}]`,
        });
      }
    }
  }
  return symbols.slice(0, limit);
}
