import { constants } from "node:fs";
import { lstat, mkdir, readFile, readlink, unlink, writeFile } from "node:fs/promises";
import { posix } from "node:path";
import { writeThroughTemporary } from "../workspace/writeThroughTemporary";

export type PathKind = "file" | "directory" | "symlink" | "other" | "missing";

/** The file operations installing and editing units need; paths are absolute paths on the machine systemd runs on. */
export interface UnitFiles {
  kind(path: string): Promise<PathKind>;
  read(path: string): Promise<string>;
  /** Writes through a temporary file and a rename, making missing parent directories (0755); the file gets 0644. */
  write(path: string, content: string): Promise<void>;
  /** Makes an empty file unless one exists; true when it made one. */
  createEmpty(path: string): Promise<boolean>;
  remove(path: string): Promise<void>;
  /** Where a symlink points, as written in it. */
  linkTarget(path: string): Promise<string>;
}

/**
 * The local file system, seen from `root` ("/" in the server; a container's root directory in tests,
 * so paths name the same files systemd inside it reads).
 */
export function hostFiles(root = "/"): UnitFiles {
  const at = (path: string) => {
    if (!posix.isAbsolute(path)) throw new Error(`${path} is not an absolute path`);
    return posix.join(root, path);
  };
  return {
    async kind(path) {
      try {
        const stat = await lstat(at(path));
        if (stat.isSymbolicLink()) return "symlink";
        if (stat.isFile()) return "file";
        return stat.isDirectory() ? "directory" : "other";
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
        throw error;
      }
    },
    read: (path) => readFile(at(path), "utf8"),
    async write(path, content) {
      const target = at(path);
      await mkdir(posix.dirname(target), { recursive: true, mode: 0o755 });
      await writeThroughTemporary(target, content, 0o644);
    },
    async createEmpty(path) {
      const target = at(path);
      await mkdir(posix.dirname(target), { recursive: true, mode: 0o755 });
      try {
        await writeFile(target, "", { mode: 0o644, flag: constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY });
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
        throw error;
      }
    },
    remove: (path) => unlink(at(path)),
    linkTarget: (path) => readlink(at(path)),
  };
}
