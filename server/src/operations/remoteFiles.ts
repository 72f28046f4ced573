import type { ProcessResult } from "../systemd/processRunner";
import type { PathKind, UnitFiles } from "../systemd/unitFiles";

/** Runs argv, which works on `path`, on the host (with stdin when given); a failure to reach the host throws, any exit status resolves. */
export type HostRun = (argv: string[], path: string, input?: string) => Promise<ProcessResult>;

// Fixed scripts: the paths arrive as positional arguments ("$1"), never inside the script text.
/** Writes stdin to a temporary file beside $1, then renames it over $1: readers see the old file or the new one. */
const WRITE_ATOMICALLY =
  'set -e; d=$(dirname -- "$1"); mkdir -p -m 0755 -- "$d"; t=$(mktemp "$d/.unitsmith.XXXXXX"); trap \'rm -f -- "$t"\' EXIT; cat >"$t"; chmod 0644 -- "$t"; mv -f -T -- "$t" "$1"; trap - EXIT';
/** Makes $1 empty unless something is there already (noclobber refuses to replace it); prints whether it made it. */
const CREATE_EMPTY =
  'set -e; mkdir -p -m 0755 -- "$(dirname -- "$1")"; set -C; if { : >"$1"; } 2>/dev/null; then chmod 0644 -- "$1"; echo created; else echo exists; fi';

/** An error like those of node:fs, so the operations' file failures read the same for every host. */
function fileError(result: ProcessResult, path: string): Error {
  const text = result.stderr.trim() || `exit status ${result.code}`;
  const error: NodeJS.ErrnoException = new Error(text);
  if (/No such file or directory/.test(text)) error.code = "ENOENT";
  else if (/Permission denied|Operation not permitted|a password is required|not in the sudoers/.test(text)) error.code = "EACCES";
  error.path = path;
  return error;
}

/** The unit files of a host reached through `run`: each call one program there (stat, cat, rm, readlink, sh with a fixed script). */
export function remoteFiles(run: HostRun): UnitFiles {
  const checked = async (argv: string[], path: string, input?: string): Promise<string> => {
    const result = await run(argv, path, input);
    if (result.code !== 0) throw fileError(result, path);
    return result.stdout;
  };
  return {
    async kind(path): Promise<PathKind> {
      const result = await run(["stat", "--format=%F", "--", path], path);
      if (result.code !== 0) {
        if (/No such file or directory/.test(result.stderr)) return "missing";
        throw fileError(result, path);
      }
      const type = result.stdout.trim();
      if (type === "regular file" || type === "regular empty file") return "file";
      if (type === "directory") return "directory";
      return type === "symbolic link" ? "symlink" : "other";
    },
    read: (path) => checked(["cat", "--", path], path),
    async write(path, content) {
      await checked(["sh", "-c", WRITE_ATOMICALLY, "sh", path], path, content);
    },
    async createEmpty(path) {
      return (await checked(["sh", "-c", CREATE_EMPTY, "sh", path], path)).trim() === "created";
    },
    async remove(path) {
      await checked(["rm", "--", path], path);
    },
    linkTarget: async (path) => (await checked(["readlink", "--", path], path)).replace(/\n$/, ""),
  };
}
