import { normalizeCalendar } from "../values/calendar";

/**
 * A crontab(5) schedule ("0 3 * * 1-5", "@daily") as OnCalendar= expressions. Usually one; two when
 * both the day of month and the weekday are restricted, since cron then runs on either and a
 * calendar event needs both.
 */
export type CronConversion = { ok: true; calendars: string[] } | { ok: false; error: string };

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const CRON_DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
/** systemd's weekday order starts on Monday. */
const WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** crontab(5)'s @nicknames and the schedules they stand for. */
export const CRON_NICKNAMES: Readonly<Record<string, string>> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

interface Field {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
  /** The value a name at index 0 stands for. */
  nameBase?: number;
}

const FIELDS: readonly Field[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: MONTHS, nameBase: 1 },
  { name: "day of week", min: 0, max: 7, names: CRON_DAYS, nameBase: 0 },
];

class CronError extends Error {}

function value(text: string, field: Field): number {
  const named = field.names?.indexOf(text.toLowerCase()) ?? -1;
  if (named >= 0) return named + field.nameBase!;
  if (!/^\d+$/.test(text)) throw new CronError(`"${text}" is not a number in the ${field.name} field`);
  const n = Number(text);
  if (n < field.min || n > field.max) throw new CronError(`${field.name} ${n} is out of range (${field.min}-${field.max})`);
  return n;
}

/** The values a field allows, in order. */
function expand(text: string, field: Field): number[] {
  const values = new Set<number>();
  for (const item of text.split(",")) {
    const [range = "", stepText] = item.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    if (stepText !== undefined && (!/^\d+$/.test(stepText) || step < 1))
      throw new CronError(`"/${stepText}" is not a step in the ${field.name} field`);
    let from: number;
    let to: number;
    if (range === "*") [from, to] = [field.min, field.max];
    else if (range.includes("-")) {
      const [a = "", b = ""] = range.split("-");
      [from, to] = [value(a, field), value(b, field)];
      if (from > to) throw new CronError(`the range ${range} in the ${field.name} field runs backwards`);
    } else {
      from = value(range, field);
      to = stepText === undefined ? from : field.max;
    }
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}

/**
 * "0,15,30,45" → "0/15"; runs and steps written the way systemd reads them. Days of the month stay
 * a list: systemd 252 lets a day repetition run past December into the next year and then skips
 * the first days of January (*-*-01/11 fires on 23 December, then 12 January).
 */
function calendarField(values: number[], field: Field): string {
  if (values.length === field.max - field.min + 1) return "*";
  const step = values.length > 2 ? values[1]! - values[0]! : 0;
  const even = step > 1 && values.every((v, i) => v === values[0]! + i * step);
  if (even && field.name !== "day of month" && values[values.length - 1]! + step > field.max) return `${values[0]}/${step}`;
  const consecutive = values.length > 2 && values.every((v, i) => v === values[0]! + i);
  if (consecutive) return `${values[0]}..${values[values.length - 1]}`;
  return values.join(",");
}

function weekdays(values: number[]): string {
  const days = new Set(values.map((v) => (v + 6) % 7)); // cron 0/7 = Sunday → 6, 1 = Monday → 0
  const runs: string[] = [];
  for (let d = 0; d < 7; d++) {
    if (!days.has(d) || days.has(d - 1)) continue;
    let end = d;
    while (days.has(end + 1)) end++;
    runs.push(end === d ? WEEKDAY_NAMES[d]! : `${WEEKDAY_NAMES[d]}${end === d + 1 ? "," : ".."}${WEEKDAY_NAMES[end]}`);
  }
  return runs.join(",");
}

/** Converts a cron schedule (five fields, or an @nickname) to OnCalendar= expressions in systemd's normalised form. */
export function cronToCalendar(line: string): CronConversion {
  const trimmed = line.trim();
  if (trimmed === "@reboot") return { ok: false, error: "@reboot runs once at boot; a timer does that with OnBootSec=, not OnCalendar=" };
  const fields = (CRON_NICKNAMES[trimmed.toLowerCase()] ?? trimmed).split(/\s+/);
  if (fields.length !== 5)
    return { ok: false, error: `a cron schedule has five fields (minute hour day-of-month month day-of-week), not ${fields.length}` };
  try {
    const [minute, hour, dom, month, dow] = fields.map((text, i) => expand(text, FIELDS[i]!)) as [
      number[],
      number[],
      number[],
      number[],
      number[],
    ];
    const time = `${calendarField(hour, FIELDS[1]!)}:${calendarField(minute, FIELDS[0]!)}`;
    const monthText = calendarField(month, FIELDS[3]!);
    const domText = calendarField(dom, FIELDS[2]!);
    const allDays = new Set(dow.map((v) => v % 7)).size === 7;
    const onDays = (days: string) => `*-${monthText}-${days} ${time}`;
    const onWeekdays = `${weekdays(dow)} ${onDays("*")}`;
    // cron runs on either day field when both are restricted; one that starts with "*" counts as unrestricted.
    const domStar = fields[2]!.startsWith("*");
    const dowStar = fields[4]!.startsWith("*");
    let expressions: string[];
    if (!domStar && !dowStar) expressions = [onDays(domText), onWeekdays];
    else if (allDays) expressions = [onDays(domText)];
    else expressions = [`${weekdays(dow)} ${onDays(domText)}`];
    return { ok: true, calendars: expressions.map((e) => normalizeCalendar(e) ?? e) };
  } catch (error) {
    if (error instanceof CronError) return { ok: false, error: error.message };
    throw error;
  }
}

/** Whether a value is shaped like a cron schedule rather than a calendar event. */
export function looksLikeCron(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.toLowerCase() in CRON_NICKNAMES || trimmed === "@reboot") return true;
  const fields = trimmed.split(/\s+/);
  return fields.length === 5 && fields.every((f) => /^[\w*,/-]+$/.test(f) && !f.includes(":"));
}

/** A crontab line split into its schedule and the command after it (empty when the line gives none). */
export type CronLine = { ok: true; schedule: string; command: string } | { ok: false; error: string };

/**
 * Splits a user crontab line ("0 3 * * 1-5 /usr/local/bin/backup --all", "@daily tar czf …") into
 * the schedule, checked by `cronToCalendar`, and the command, taken as written.
 */
export function splitCronLine(line: string): CronLine {
  const trimmed = line.trim();
  const words = trimmed.split(/\s+/);
  const scheduleWords = trimmed.startsWith("@") ? 1 : 5;
  if (trimmed === "" || words.length < scheduleWords) {
    return { ok: false, error: "a cron line starts with five fields (minute hour day-of-month month day-of-week) or an @nickname" };
  }
  const schedule = words.slice(0, scheduleWords).join(" ");
  const converted = cronToCalendar(schedule);
  if (!converted.ok) return converted;
  // The command keeps its own spacing: only the schedule's words are taken off the front.
  const command = trimmed.replace(new RegExp(`^(?:\\S+(?:\\s+|$)){${scheduleWords}}`), "");
  return { ok: true, schedule, command };
}
