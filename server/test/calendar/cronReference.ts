// A plain crontab(5) matcher for tests, written apart from the converter: it lists the minutes a
// cron schedule fires at, day by day, so conversions can be checked against systemd's own elapses.
import { CRON_NICKNAMES } from "../../src/language/calendar/cron";
import { picker, seededRandom } from "../values/systemdAnalyze";

const NAMES = [
  "jan",
  "feb",
  "mar",
  "apr",
  "may",
  "jun",
  "jul",
  "aug",
  "sep",
  "oct",
  "nov",
  "dec",
  "sun",
  "mon",
  "tue",
  "wed",
  "thu",
  "fri",
  "sat",
];

function number(text: string): number {
  const index = NAMES.indexOf(text.toLowerCase());
  if (index < 0) return Number(text);
  return index < 12 ? index + 1 : index - 12;
}

function matcher(field: string, lo: number, hi: number): (v: number) => boolean {
  const allowed = new Set<number>();
  for (const part of field.split(",")) {
    const [range, step = "1"] = part.split("/");
    const [a, b] =
      range === "*"
        ? [lo, hi]
        : range!.includes("-")
          ? range!.split("-").map(number)
          : [number(range!), part.includes("/") ? hi : number(range!)];
    for (let v = a!; v <= b!; v += Number(step)) allowed.add(v);
  }
  return (v) => allowed.has(v);
}

/** The first `count` times (seconds since the epoch, UTC) after `after` that cron would run the line. */
export function cronTimes(line: string, after: number, count: number): number[] {
  const [m, h, dom, mon, dow] = (CRON_NICKNAMES[line] ?? line).split(/\s+/) as [string, string, string, string, string];
  const minute = matcher(m, 0, 59);
  const hour = matcher(h, 0, 23);
  const day = matcher(dom, 1, 31);
  const month = matcher(mon, 1, 12);
  const weekdayRaw = matcher(dow, 0, 7);
  const weekday = (d: number) => weekdayRaw(d) || (d === 0 && weekdayRaw(7));
  const either = !dom.startsWith("*") && !dow.startsWith("*");
  const times: number[] = [];
  const startDay = Math.floor(after / 86400);
  for (let d = startDay; d < startDay + 366 * 12 && times.length < count; d++) {
    const date = new Date(d * 86400 * 1000);
    if (!month(date.getUTCMonth() + 1)) continue;
    const dayOk = either ? day(date.getUTCDate()) || weekday(date.getUTCDay()) : day(date.getUTCDate()) && weekday(date.getUTCDay());
    if (!dayOk) continue;
    for (let hh = 0; hh < 24 && times.length < count; hh++) {
      if (!hour(hh)) continue;
      for (let mm = 0; mm < 60 && times.length < count; mm++) {
        const t = d * 86400 + hh * 3600 + mm * 60;
        if (minute(mm) && t > after) times.push(t);
      }
    }
  }
  return times;
}

/** Cron schedules of every shape: lists, ranges, steps, names, nicknames, and both day fields. */
export function cronSamples(count: number, seed: number): string[] {
  const { int, chance } = picker(seededRandom(seed));
  const field = (lo: number, hi: number, names?: readonly string[]) => {
    const one = () => {
      const a = int(lo, hi);
      const text = (v: number) => (names?.[v - lo] !== undefined && chance(0.3) ? names[v - lo]! : String(v));
      if (chance(0.3)) return text(a);
      if (chance(0.4)) {
        const b = int(a, hi);
        return `${text(a)}-${text(b)}${chance(0.3) ? `/${int(1, 4)}` : ""}`;
      }
      return text(a);
    };
    if (chance(0.35)) return "*";
    if (chance(0.15)) return `*/${int(2, Math.max(2, Math.floor((hi - lo) / 2)))}`;
    const items: string[] = [];
    for (let n = chance(0.7) ? 1 : int(2, 3); n > 0; n--) items.push(one());
    return items.join(",");
  };
  const months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
  // "sun" is 0; 7 (also Sunday) has no name.
  const days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
  const out = new Set<string>(Object.keys(CRON_NICKNAMES));
  while (out.size < count) {
    out.add(
      [
        field(0, 59),
        field(0, 23),
        chance(0.6) ? "*" : field(1, 28),
        chance(0.7) ? "*" : field(1, 12, months),
        chance(0.5) ? "*" : field(0, 7, days),
      ].join(" "),
    );
  }
  return [...out];
}
