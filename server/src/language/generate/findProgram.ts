/** Whether a path names an executable regular file; the caller asks its own file system. */
export type ExecutableProbe = (path: string) => boolean;

const joinPath = (dir: string, name: string) => (dir.endsWith("/") ? dir + name : `${dir}/${name}`);

/** `cwd` + `name`, with "." and ".." segments resolved as a shell resolves them. */
function resolvePath(cwd: string, name: string): string {
  const parts: string[] = [];
  for (const part of `${cwd}/${name}`.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return `/${parts.join("/")}`;
}

/**
 * The absolute path of a program as a shell would find it: a name with "/" relative to `cwd`,
 * a bare name in the absolute directories of `searchPath` (":"-separated). Undefined when there is none.
 */
export function findProgram(name: string, cwd: string, searchPath: string | undefined, isExecutable: ExecutableProbe): string | undefined {
  if (name.includes("/")) {
    const path = name.startsWith("/") ? resolvePath("/", name) : resolvePath(cwd, name);
    return isExecutable(path) ? path : undefined;
  }
  for (const dir of (searchPath ?? "").split(":")) {
    if (!dir.startsWith("/")) continue;
    const path = joinPath(dir, name);
    if (isExecutable(path)) return path;
  }
  return undefined;
}
