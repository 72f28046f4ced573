import { accessSync, constants, statSync } from "node:fs";
import { delimiter, isAbsolute, join, resolve } from "node:path";

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The absolute path of a program as a shell would find it: a name with "/" relative to `cwd`,
 * a bare name in the absolute directories of `searchPath`. Undefined when there is none.
 */
export function findProgram(name: string, cwd: string, searchPath: string | undefined): string | undefined {
  if (name.includes("/")) {
    const path = resolve(cwd, name);
    return isExecutableFile(path) ? path : undefined;
  }
  for (const dir of (searchPath ?? "").split(delimiter)) {
    if (!isAbsolute(dir)) continue;
    const path = join(dir, name);
    if (isExecutableFile(path)) return path;
  }
  return undefined;
}
