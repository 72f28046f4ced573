import type { Dirent } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { unitKind } from "../language/unitKind";
import { lineFormatLanguageOf } from "../protocol/lineFormatLanguages";
import { displayPath } from "./displayPath";

export interface Collected {
  files: string[];
  /** Paths that could not be read, with why. */
  errors: { path: string; message: string }[];
  /** Directories named on the command line that hold no unit files. */
  emptyDirectories: string[];
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ELOOP") return "too many levels of symbolic links";
  return error instanceof Error ? error.message : String(error);
}

/**
 * The files to lint: each path named as a file, and under each directory (recursively) every file
 * whose path makes it a unit, drop-in, networkd or Quadlet file. Symbolic link loops are visited once.
 */
export interface CollectOptions {
  /**
   * Whether to follow symbolic links met inside a named directory. Reading may; rewriting must
   * not, or a link would lead it out of the tree the user chose.
   */
  followLinks: boolean;
}

export async function collectFiles(
  paths: readonly string[],
  cwd: string,
  options: CollectOptions = { followLinks: true },
): Promise<Collected> {
  const files: string[] = [];
  const errors: Collected["errors"] = [];
  const emptyDirectories: string[] = [];
  const seenDirectories = new Set<string>();
  const seenFiles = new Set<string>();
  // The same file reached through a symbolic link (a .wants/ entry, /lib → /usr/lib) is linted once.
  const addFile = async (path: string, knownReal?: string) => {
    const real = knownReal ?? (await realpath(path));
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push(path);
  };

  async function walk(directory: string): Promise<void> {
    let real: string;
    let entries: Dirent[];
    try {
      real = await realpath(directory);
      if (seenDirectories.has(real)) return;
      seenDirectories.add(real);
      entries = (await readdir(directory, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      errors.push({ path: displayPath(directory, cwd), message: describe(error) });
      return;
    }
    for (const entry of entries) {
      const path = join(directory, entry.name);
      // Only a symbolic link needs asking where it leads; a file or directory is what its entry says.
      let info: { isDirectory(): boolean; isFile(): boolean } = entry;
      try {
        if (entry.isSymbolicLink()) info = options.followLinks ? await stat(path) : entry;
      } catch (error) {
        // A dangling symbolic link is not worth an error; anything else is.
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") errors.push({ path: displayPath(path, cwd), message: describe(error) });
        continue;
      }
      if (info.isDirectory()) await walk(path);
      else if (info.isFile() && (unitKind(path).file || lineFormatLanguageOf(path))) {
        // Below a directory's real path, an entry that is no link is its own real path.
        await addFile(path, entry.isSymbolicLink() ? undefined : join(real, entry.name));
      }
    }
  }

  for (const given of paths) {
    const path = resolve(cwd, given);
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        const [filesBefore, errorsBefore] = [files.length, errors.length];
        const alreadySeen = seenDirectories.has(await realpath(path));
        await walk(path);
        // An unreadable directory has its error already; "no unit files" would mislead.
        if (files.length === filesBefore && errors.length === errorsBefore && !alreadySeen) emptyDirectories.push(given);
      } else {
        await addFile(path);
      }
    } catch (error) {
      errors.push({ path: given, message: describe(error) });
    }
  }
  return { files, errors, emptyDirectories };
}
