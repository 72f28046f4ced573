import { fileURLToPath } from "node:url";

/** The file system path of a document URI, or the URI's path part for untitled and remote documents. */
export function documentPath(uri: string): string {
  try {
    const url = new URL(uri);
    return url.protocol === "file:" ? fileURLToPath(url) : decodeURIComponent(url.pathname);
  } catch {
    return uri;
  }
}
