/**
 * A path pattern of the project file as a regular expression over "/"-separated relative paths:
 * `*` and `?` stay within a path segment, `**` crosses segments, and a pattern without "/"
 * matches a file name in any directory.
 */
export function globPattern(glob: string): RegExp {
  const anchored = glob.includes("/") ? glob.replace(/^\//, "") : `**/${glob}`;
  let source = "";
  for (let i = 0; i < anchored.length; i++) {
    const c = anchored[i]!;
    if (c === "*" && anchored[i + 1] === "*") {
      const slash = anchored[i + 2] === "/";
      source += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (c === "*") source += "[^/]*";
    else if (c === "?") source += "[^/]";
    else source += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  // A directory pattern covers everything under it.
  return new RegExp(`^${source}(?:/.*)?$`);
}

export const matchesAny = (globs: readonly string[] | undefined, relativePath: string): boolean =>
  (globs ?? []).some((glob) => globPattern(glob).test(relativePath));
