import { problemAt, quoted, type ValueProblem } from "./problem";

export interface PathOptions {
  /** Whether the path must start with "/" (true by default). */
  absolute?: boolean;
  /** Whether a leading "-" (ignore if missing) is allowed. */
  allowOptionalPrefix?: boolean;
}

export interface ParsedPath {
  /** A leading "-": systemd skips the setting when the path does not exist. */
  optional: boolean;
  path: string;
  /** Where `path` starts in the value. */
  start: number;
}

const PATH_MAX = 4096;
const NAME_MAX = 255;

/** Splits off the "-" prefix where allowed. */
export function parsePath(value: string, options: PathOptions = {}): ParsedPath {
  const optional = options.allowOptionalPrefix === true && value.startsWith("-");
  return { optional, path: optional ? value.slice(1) : value, start: optional ? 1 : 0 };
}

/** Checks a file system path; flags forms systemd rejects, and warns about ones it silently rewrites. */
export function checkPath(value: string, options: PathOptions = {}): ValueProblem[] {
  const { path, start } = parsePath(value, options);
  const end = value.length;
  const expected = `Expected ${options.absolute === false ? "a" : "an absolute"} path such as "/var/lib/myapp"`;
  if (path === "") return [problemAt(start, Math.max(end, start + 1), `${expected}; the path is empty.`)];
  if (options.absolute !== false && !path.startsWith("/")) {
    const hint = path.startsWith("-")
      ? ""
      : options.allowOptionalPrefix === false && value.startsWith("-")
        ? ' (a "-" prefix is not allowed here)'
        : "";
    return [problemAt(start, end, `${expected}; ${quoted(path)} does not start with "/"${hint}.`)];
  }
  if (path.includes("\0")) return [problemAt(start, end, `${expected}; it contains a NUL character.`)];
  if (path.length >= PATH_MAX) return [problemAt(start, end, `${expected}; it is longer than ${PATH_MAX - 1} characters.`)];
  const problems: ValueProblem[] = [];
  let offset = start;
  for (const part of path.split("/")) {
    if (part.length > NAME_MAX)
      problems.push(problemAt(offset, offset + part.length, `${expected}; a path component may be at most ${NAME_MAX} characters.`));
    if (part === "..") problems.push(problemAt(offset, offset + 2, `${expected}; ".." is not allowed in this path.`));
    offset += part.length + 1;
  }
  for (const m of path.matchAll(/\/{2,}|\/\.(?=\/|$)/g)) {
    const at = start + m.index;
    problems.push(problemAt(at, at + m[0].length, `Expected a normalised path; systemd reads ${quoted(m[0])} as "/" here.`, "warning"));
  }
  if (path.length > 1 && path.endsWith("/") && !/\/{2,}$/.test(path)) {
    problems.push(problemAt(end - 1, end, "Expected a path without a trailing slash; systemd drops it.", "info"));
  }
  return problems;
}
