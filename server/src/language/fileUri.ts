import { memoized } from "./memoized";

/** How a path of the host becomes the URI its client knows the file by: fileUri where files are files. */
export type UriOf = (path: string) => string;

/** A file:// URI for an absolute path, each segment percent-encoded as LSP clients expect. */
export function fileUri(path: string): string {
  return `file://${path
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/")}`;
}

/**
 * The file system path of a document URI, or the URI's path part for untitled and remote documents;
 * the URI itself when it is not one (or names a file on another host). Kept, since every request
 * asks it of its document's URI, often more than once, and parsing a URL is not free.
 */
export const pathOfUri: (uri: string) => string = memoized(2000, (uri: string) => uri, parsedPath);

function parsedPath(uri: string): string {
  try {
    const url = new URL(uri);
    if (url.protocol !== "file:") return decodeURIComponent(url.pathname);
    if ((url.hostname !== "" && url.hostname !== "localhost") || /%2f/i.test(url.pathname)) return uri;
    return decodeURIComponent(url.pathname);
  } catch {
    return uri;
  }
}
