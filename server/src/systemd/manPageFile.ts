// Finds a man page file under the man roots and reads its roff source, gunzipping `.gz` and following `.so`.
import { readFile, stat } from "node:fs/promises";
import { join, relative, isAbsolute } from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";

const gunzipAsync = promisify(gunzip);

/** Larger decompressed pages are not man pages (systemd.directives(7), the largest, is about 1 MB). */
const maxPageBytes = 16 * 1024 * 1024;
const maxRedirects = 3;
const pageName = /^[\w:@+-][\w.:@+-]*$/;

export interface ManPageSource {
  path: string;
  source: string;
}

async function readCompressed(path: string): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    // A FIFO or device named like a man page would block the read forever.
    if (!(await stat(path)).isFile()) return undefined;
    bytes = await readFile(path);
  } catch {
    return undefined;
  }
  try {
    const content = path.endsWith(".gz") ? await gunzipAsync(bytes, { maxOutputLength: maxPageBytes }) : bytes;
    // A NUL byte means a binary file, not roff.
    return content.length > maxPageBytes || content.includes(0) ? undefined : content.toString("utf8");
  } catch {
    return undefined;
  }
}

/** The page a stub consisting of one `.so man5/other.5` line (and comments) stands for. */
function soTarget(source: string): string | undefined {
  const [only, ...others] = source.split("\n").filter((line) => line.trim() && !/^['.]\\"/.test(line));
  return only !== undefined && others.length === 0 ? /^\.so\s+(\S+)\s*$/.exec(only)?.[1] : undefined;
}

/** Reads `path` or `path.gz`; for a `.so` stub (an alias page), the page it names, relative to `root`. */
async function readPageFile(root: string, path: string, redirects = 0): Promise<ManPageSource | undefined> {
  for (const candidate of [`${path}.gz`, path]) {
    const source = await readCompressed(candidate);
    if (source === undefined) continue;
    const target = soTarget(source);
    if (!target || redirects >= maxRedirects) return { path: candidate, source };
    const resolved = join(root, target.replace(/\.gz$/, ""));
    const inside = relative(root, resolved);
    if (inside.startsWith("..") || isAbsolute(inside)) return undefined;
    return readPageFile(root, resolved, redirects + 1);
  }
  return undefined;
}

/** The first `name.section` page under `roots` (each holding man5/, man7/, ...), or undefined. */
export async function readManPage(roots: readonly string[], name: string, section: string): Promise<ManPageSource | undefined> {
  if (!pageName.test(name) || !/^\w+$/.test(section)) return undefined;
  for (const root of roots) {
    const found = await readPageFile(root, join(root, `man${section[0]}`, `${name}.${section}`));
    if (found) return found;
  }
  return undefined;
}
