import { close, constants, fstat, open, read, type Stats } from "node:fs";
import { promisify } from "node:util";

/** The calls that read the head of a file: through the thread pool by default. */
export interface HeadReads {
  open(path: string, flags: number): Promise<number>;
  fstat(fd: number): Promise<Stats>;
  read(fd: number, buffer: Buffer, length: number): Promise<number>;
  close(fd: number): Promise<void>;
}

const readAt = promisify(read);
const threadPool: HeadReads = {
  open: promisify(open),
  fstat: promisify(fstat),
  read: async (fd, buffer, length) => (await readAt(fd, buffer, 0, length, 0)).bytesRead,
  close: promisify(close),
};

/** Reads the first `maxBytes` of a regular file as UTF-8; undefined when it is missing, unreadable or not a regular file. */
export function headReader(reads: HeadReads): (path: string, maxBytes: number) => Promise<string | undefined> {
  return async (path, maxBytes) => {
    try {
      // Non-blocking, so a FIFO named like a unit cannot hang the server.
      const fd = await reads.open(path, constants.O_RDONLY | constants.O_NONBLOCK);
      try {
        const stat = await reads.fstat(fd);
        if (!stat.isFile()) return undefined;
        const buffer = Buffer.alloc(Math.min(maxBytes, stat.size));
        const bytesRead = await reads.read(fd, buffer, buffer.length);
        return buffer.toString("utf8", 0, bytesRead);
      } finally {
        await reads.close(fd);
      }
    } catch {
      return undefined;
    }
  };
}

/** Non-blocking, so a FIFO named like a unit cannot hang the reader. */
export const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/** The first `maxBytes` of a regular file as UTF-8; undefined when it is missing, unreadable or not a regular file. */
export const readFileHead = headReader(threadPool);
