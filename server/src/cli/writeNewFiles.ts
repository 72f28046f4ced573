import { lstat, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { GeneratedFile } from "../language/generate";
import type { OutputTarget } from "./newOptions";

export interface PlannedWrite {
  path: string;
  text: string;
}

/** `follow` for the output directory (a link to one will do); not for the files, so a link there is never written through. */
async function kindOf(path: string, follow: boolean): Promise<"missing" | "directory" | "other"> {
  try {
    return (await (follow ? stat : lstat)(path)).isDirectory() ? "directory" : "other";
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw error;
  }
}

/** Where each file goes, or every reason it cannot go there; nothing is written here. */
export async function planWrites(
  files: readonly GeneratedFile[],
  target: OutputTarget,
  cwd: string,
): Promise<{ writes: PlannedWrite[] } | { errors: string[] }> {
  const service = files[0]!;
  let dir: string;
  if (target.file !== undefined) {
    if (basename(target.file) !== service.name) {
      return {
        errors: [`--output-file ${JSON.stringify(target.file)}: name the file ${service.name}; systemd knows a unit by its file name.`],
      };
    }
    dir = dirname(resolve(cwd, target.file));
  } else dir = resolve(cwd, target.dir!);
  const option = target.file !== undefined ? "--output-file" : "--output-dir";
  if ((await kindOf(dir, true)) !== "directory") return { errors: [`${option}: the directory ${dir} does not exist.`] };

  const writes = files.map((file) => ({ path: join(dir, file.name), text: file.text }));
  const errors: string[] = [];
  for (const { path } of writes) {
    const kind = await kindOf(path, false);
    if (kind === "directory") errors.push(`${path} is a directory; not writing a unit over it.`);
    else if (kind === "other" && !target.force) errors.push(`${path} already exists; add --force to overwrite it.`);
  }
  return errors.length > 0 ? { errors } : { writes };
}

export async function performWrites(writes: readonly PlannedWrite[], force: boolean): Promise<void> {
  // "wx" fails rather than overwrite a file that appeared since the check.
  for (const { path, text } of writes) await writeFile(path, text, { flag: force ? "w" : "wx" });
}
