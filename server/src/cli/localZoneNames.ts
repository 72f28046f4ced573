import { open } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { parseTzif, type ZoneNames } from "../language/calendar/tzif";

const ZONEINFO = "/usr/share/zoneinfo";
/** Far more than any tz file needs. */
const MAX_BYTES = 1 << 20;

/** The file C's localtime reads for this process: $TZ (a zone name or a path), else /etc/localtime. */
function zoneFilePath(tz: string | undefined): string {
  if (tz === undefined || tz === "") return "/etc/localtime";
  const name = tz.startsWith(":") ? tz.slice(1) : tz;
  return isAbsolute(name) ? name : join(ZONEINFO, name);
}

/** The local zone's abbreviations as C's localtime names them; undefined where no tz file can be read. */
export async function localZoneNames(tz = process.env.TZ): Promise<ZoneNames | undefined> {
  const path = zoneFilePath(tz);
  if (path.split("/").includes("..")) return undefined;
  try {
    const file = await open(path, "r");
    try {
      const buffer = new Uint8Array(MAX_BYTES);
      const { bytesRead } = await file.read(buffer, 0, MAX_BYTES, 0);
      return parseTzif(buffer.subarray(0, bytesRead));
    } finally {
      await file.close();
    }
  } catch {
    return undefined;
  }
}
