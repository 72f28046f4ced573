// Valid calendar expressions across every syntax of systemd.time(7), for comparing elapses with systemd.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CALENDAR_SHORTHANDS } from "../../src/language/values/calendar";
import { picker, seededRandom } from "../values/systemdAnalyze";

/** Zones with daylight saving rules of every shape: none, northern, southern, half-hour, odd offsets. */
export const SAMPLE_ZONES = [
  "Europe/Berlin",
  "America/New_York",
  "Australia/Sydney",
  "Australia/Lord_Howe",
  "Asia/Tokyo",
  "Asia/Kathmandu",
  "Pacific/Chatham",
  "America/Sao_Paulo",
  "Europe/London",
  "America/St_Johns",
  "Etc/GMT-14",
];

const UNIT_DIRECTORIES = ["/usr/lib/systemd/system", "/lib/systemd/system", "/etc/systemd/system", "/usr/lib/systemd/user"];

/** Every OnCalendar= value of the timers installed on this machine. */
export function installedOnCalendar(): string[] {
  const values = new Set<string>();
  for (const directory of UNIT_DIRECTORIES) {
    let names: string[];
    try {
      names = readdirSync(directory).filter((name) => name.endsWith(".timer"));
    } catch {
      continue;
    }
    for (const name of names) {
      const text = readFileSync(join(directory, name), "utf8");
      for (const match of text.matchAll(/^OnCalendar=(.+)$/gm)) values.add(match[1]!.trim());
    }
  }
  return [...values];
}

export function calendarSamples(count: number, seed: number): string[] {
  const { int, pick, chance } = picker(seededRandom(seed));
  const pad = (v: number) => (chance(0.5) ? String(v).padStart(2, "0") : String(v));
  const weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "monday", "Friday", "SUN"];
  const weekdays = () => {
    const order = (a: number, b: number) => [Math.min(a, b), Math.max(a, b)] as const;
    const items: string[] = [];
    for (let n = int(1, 2); n > 0; n--) {
      const [a, b] = order(int(0, 6), int(0, 6));
      items.push(chance(0.5) && a !== b ? `${weekdayNames[a]}${pick(["..", "-"])}${weekdayNames[b]}` : weekdayNames[int(0, 9)]!);
    }
    return items.join(",");
  };
  const element = (lo: number, hi: number, fraction = false) => {
    const start = int(lo, hi);
    let s = pad(start);
    if (fraction && chance(0.3)) s += `.${String(int(0, 999999)).padStart(6, "0").slice(0, int(1, 6))}`;
    if (chance(0.25) && start < hi) s += `..${pad(int(start + 1, hi))}`;
    if (chance(0.3)) s += `/${int(1, Math.max(1, Math.floor((hi - lo) / 3)))}`;
    return s;
  };
  const chain = (lo: number, hi: number, fraction = false, star = 0.3) => {
    if (chance(star)) return "*";
    const items: string[] = [];
    for (let n = chance(0.7) ? 1 : int(2, 3); n > 0; n--) items.push(element(lo, hi, fraction));
    return items.join(",");
  };
  const year = () =>
    chance(0.6)
      ? "*"
      : chance(0.5)
        ? String(int(2026, 2040))
        : `${int(2026, 2030)}..${int(2031, 2060)}${chance(0.5) ? `/${int(1, 4)}` : ""}`;
  const date = () => {
    const lastDays = chance(0.15);
    const day = lastDays ? chain(1, 7, false, 0.2) : chain(1, 31, false, 0.4);
    const md = `${chain(1, 12, false, 0.5)}${lastDays ? "~" : "-"}${day}`;
    return chance(0.3) ? md : `${year()}-${md}`;
  };
  // Hours around midnight and the small hours, where the clocks change, come up often.
  const hour = () => (chance(0.4) ? pad(int(0, 3)) : chain(0, 23, false, 0.25));
  const time = () => {
    const hm = `${hour()}:${chain(0, 59, false, 0.2)}`;
    return chance(0.4) ? `${hm}:${chain(0, 59, true, 0.3)}` : hm;
  };
  const out = new Set<string>();
  while (out.size < count) {
    let expr: string;
    const kind = int(0, 99);
    if (kind < 8) expr = pick(CALENDAR_SHORTHANDS);
    else if (kind < 11) expr = `@${int(1_700_000_000, 2_000_000_000)}`;
    else {
      const parts: string[] = [];
      if (chance(0.35)) parts.push(weekdays());
      const hasDate = chance(0.65);
      if (hasDate) parts.push(date());
      if (!hasDate || chance(0.8)) parts.push(time());
      expr = parts.join(" ");
    }
    if (!expr.startsWith("@") && chance(0.4)) expr += chance(0.2) ? " UTC" : ` ${pick(SAMPLE_ZONES)}`;
    out.add(expr);
  }
  return [...out];
}
