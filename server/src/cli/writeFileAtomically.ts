import { randomBytes } from "node:crypto";
import { realpath, rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Replaces a file's content through a temporary file beside it, so a failure never leaves half a file. */
export async function writeFileAtomically(given: string, content: string): Promise<void> {
  // Replace the file a link points to, so the link itself stays.
  const path = await realpath(given);
  const { mode } = await stat(path);
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, content, { mode, flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
