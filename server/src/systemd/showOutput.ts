/** The properties `systemctl show` printed, one record a unit (blocks are separated by blank lines). */
export function parseShowOutput(stdout: string): Record<string, string>[] {
  const records: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of stdout.split("\n")) {
    if (line.trim() === "") {
      current = undefined;
      continue;
    }
    const equals = line.indexOf("=");
    if (equals <= 0) continue;
    if (!current) records.push((current = {}));
    current[line.slice(0, equals)] = line.slice(equals + 1);
  }
  return records;
}
