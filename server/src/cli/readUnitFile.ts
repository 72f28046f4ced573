import { closeSync, fstatSync, openSync, readFileSync } from "node:fs";

export type ReadResult = { text: string } | { tooLarge: number };

const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

/**
 * Reads a file as systemd would see it, without loading files over the size limit. At once: a
 * file that is in the page cache (as a tree being linted mostly is) is read in microseconds, and
 * asking the thread pool would cost several times that in each of four round trips.
 */
export async function readUnitFile(path: string, maxBytes: number): Promise<ReadResult> {
  const fd = openSync(path, "r");
  try {
    const { size } = fstatSync(fd);
    if (size > maxBytes) return { tooLarge: size };
    // Invalid UTF-8 becomes U+FFFD, which the invalid-encoding rule reports.
    return { text: decoder.decode(readFileSync(fd)) };
  } finally {
    closeSync(fd);
  }
}
