import type { ZoneNames } from "./tzif";
import { ZoneClock } from "./zoneClock";

const UTC_NAMES = new Set(["UTC", "Etc/UTC", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu", "Etc/UCT", "UCT"]);

/** A clock for the named zone; UTC and its aliases get the plain UTC clock. */
export function clockFor(zone: string | undefined, names?: ZoneNames): ZoneClock {
  return zone === undefined || UTC_NAMES.has(zone) ? new ZoneClock(undefined) : new ZoneClock(zone, names);
}

function yearProbes(clock: ZoneClock, seconds: number): { offset: number; name: string }[] {
  const year = new Date(seconds * 1000).getUTCFullYear();
  return [0, 6].map((month) => {
    const at = Date.UTC(year, month, 1) / 1000;
    return { offset: clock.offset(at), name: clock.abbreviation(at) };
  });
}

/** Whether the zone is UTC all year (systemd then prints no extra "(in UTC)" line). */
export function isUtcAllYear(clock: ZoneClock, seconds: number): boolean {
  return clock.zone === undefined || yearProbes(clock, seconds).every((probe) => probe.offset === 0);
}

/** The zone's standard and daylight saving abbreviations (C's tzname), e.g. ["CET", "CEST"]. */
export function zoneAbbreviations(clock: ZoneClock, seconds: number): [string, string] {
  const [january, july] = yearProbes(clock, seconds) as [{ offset: number; name: string }, { offset: number; name: string }];
  if (january.offset === july.offset) return [january.name, january.name];
  return january.offset < july.offset ? [january.name, july.name] : [july.name, january.name];
}
