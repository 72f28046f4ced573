/** A file:// URI for an absolute path, each segment percent-encoded as LSP clients expect. */
export function fileUri(path: string): string {
  return `file://${path
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/")}`;
}
