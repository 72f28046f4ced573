import { readFile, stat } from "node:fs/promises";

export type ReadResult = { text: string } | { tooLarge: number };

const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

/** Reads a file as systemd would see it, without loading files over the size limit. */
export async function readUnitFile(path: string, maxBytes: number): Promise<ReadResult> {
  const { size } = await stat(path);
  if (size > maxBytes) return { tooLarge: size };
  // Invalid UTF-8 becomes U+FFFD, which the invalid-encoding rule reports.
  return { text: decoder.decode(await readFile(path)) };
}
