import { constants } from "node:fs";
import { open } from "node:fs/promises";

/** The first `maxBytes` of a regular file as UTF-8; undefined when it is missing, unreadable or not a regular file. */
export async function readFileHead(path: string, maxBytes: number): Promise<string | undefined> {
  try {
    // Non-blocking, so a FIFO named like a unit cannot hang the server.
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
