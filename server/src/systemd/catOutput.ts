/**
 * The files `systemctl cat` printed, in order: each starts with a "# /path" line. A unit file's
 * own comment that happens to look like a path would be counted too, so only absolute paths that
 * follow a blank line (or start the output) are taken.
 */
export function parseCatFiles(stdout: string): string[] {
  const files: string[] = [];
  let previous = "";
  for (const line of stdout.split("\n")) {
    const match = /^# (\/\S.*)$/.exec(line);
    if (match && previous.trim() === "") files.push(match[1]!);
    previous = line;
  }
  return files;
}
