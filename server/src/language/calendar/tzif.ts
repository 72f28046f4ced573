/**
 * Zone abbreviations from a compiled tz database file (TZif, tzfile(5)), the source C's localtime
 * takes them from; the runtime's locale data lacks many ("JST" comes out as "GMT+9").
 */

/** The abbreviation in force at an instant with a given UTC offset, or undefined where the file does not say. */
export type ZoneNames = (seconds: number, offset: number) => string | undefined;

interface LocalTimeType {
  offset: number;
  name: string;
}

const HEADER = 44;

function counts(view: DataView, at: number) {
  const at32 = (i: number) => view.getUint32(at + 20 + 4 * i);
  return { isutcnt: at32(0), isstdcnt: at32(1), leapcnt: at32(2), timecnt: at32(3), typecnt: at32(4), charcnt: at32(5) };
}

/** "CET-1CEST,M3.5.0,M10.5.0/3" → the names for the standard and daylight offsets of the POSIX TZ rule. */
function footerNames(footer: string): Map<number, string> {
  const names = new Map<number, string>();
  const match = /^(<[^>]+>|[A-Za-z]+)([+-]?\d{1,2}(?::\d{2}){0,2})(?:(<[^>]+>|[A-Za-z]+)([+-]?\d{1,2}(?::\d{2}){0,2})?)?/.exec(footer);
  if (!match) return names;
  const seconds = (text: string) => {
    const sign = text.startsWith("-") ? -1 : 1;
    const [h = 0, m = 0, s = 0] = text.replace(/^[+-]/, "").split(":").map(Number);
    return sign * (h * 3600 + m * 60 + s);
  };
  const bare = (name: string) => name.replace(/^<|>$/g, "");
  const standard = -seconds(match[2]!); // POSIX counts west of Greenwich as positive
  names.set(standard, bare(match[1]!));
  if (match[3]) names.set(match[4] ? -seconds(match[4]) : standard + 3600, bare(match[3]));
  return names;
}

/** Reads a TZif file (version 2 or later; version 1 files fall back to the runtime's names). */
export function parseTzif(bytes: Uint8Array): ZoneNames | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length < HEADER || text(0, 4) !== "TZif" || bytes[4] === 0) return undefined;
  const v1 = counts(view, 0);
  const second = HEADER + v1.timecnt * 5 + v1.typecnt * 6 + v1.charcnt + v1.leapcnt * 8 + v1.isstdcnt + v1.isutcnt;
  if (bytes.length < second + HEADER || text(second, second + 4) !== "TZif") return undefined;
  const c = counts(view, second);
  let at = second + HEADER;
  const transitions: number[] = [];
  for (let i = 0; i < c.timecnt; i++, at += 8) transitions.push(Number(view.getBigInt64(at)));
  const indices = [...bytes.subarray(at, at + c.timecnt)];
  at += c.timecnt;
  const rawTypes: { offset: number; nameAt: number }[] = [];
  for (let i = 0; i < c.typecnt; i++, at += 6) rawTypes.push({ offset: view.getInt32(at), nameAt: bytes[at + 5]! });
  const chars = text(at, at + c.charcnt);
  const types: LocalTimeType[] = rawTypes.map(({ offset, nameAt }) => ({ offset, name: chars.slice(nameAt, chars.indexOf("\0", nameAt)) }));
  at += c.charcnt + c.leapcnt * 12 + c.isstdcnt + c.isutcnt;
  const footer = bytes[at] === 0x0a ? text(at + 1, bytes.indexOf(0x0a, at + 1)) : "";
  const afterLast = footerNames(footer);
  return (seconds, offset) => {
    if (transitions.length === 0 || seconds >= transitions[transitions.length - 1]!) {
      const last = transitions.length === 0 ? types[0] : types[indices[indices.length - 1]!];
      return afterLast.get(offset) ?? (last?.offset === offset ? last.name : undefined);
    }
    let lo = 0;
    let hi = transitions.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (transitions[mid]! <= seconds) lo = mid;
      else hi = mid - 1;
    }
    const type = seconds < transitions[0]! ? types[0] : types[indices[lo]!];
    return type && type.offset === offset ? type.name : undefined;
  };
}
