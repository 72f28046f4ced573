import { realpath, stat } from "node:fs/promises";
import { writeThroughTemporary } from "../workspace/writeThroughTemporary";

/** Replaces an existing file's content, keeping its mode, so a failure never leaves half a file. */
export async function writeFileAtomically(given: string, content: string): Promise<void> {
  // Replace the file a link points to, so the link itself stays.
  const path = await realpath(given);
  const { mode } = await stat(path);
  await writeThroughTemporary(path, content, mode);
}
