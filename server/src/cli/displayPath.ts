import { isAbsolute, relative } from "node:path";

/** A path as the user will recognise it: relative when it lies under the working directory. */
export function displayPath(path: string, cwd: string): string {
  const inside = relative(cwd, path);
  return inside && !inside.startsWith("..") && !isAbsolute(inside) ? inside : path;
}
