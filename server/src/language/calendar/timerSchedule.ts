import { parseCalendar, type CalendarSpec } from "../values/calendar";
import { formatRelative, formatTimestamp } from "./formatTimestamp";
import { clockFor, zoneAbbreviations } from "./localZone";
import { nextElapse } from "./nextElapse";

/** When and where the schedule is read: the user's clock and zone. */
export interface ScheduleContext {
  /** Milliseconds since the epoch. */
  now: number;
  /** IANA zone of the machine the timer runs on; undefined for the runtime's own. */
  timeZone?: string;
}

export interface CalendarSchedule {
  normalized: string;
  spec: CalendarSpec;
  /** Upcoming elapses in microseconds since the epoch; fewer when the event ends. */
  elapses: number[];
}

/** The zone the schedule is shown in. */
export function scheduleZone(context: ScheduleContext): string {
  return context.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The next `count` elapses of an OnCalendar= value after `now`, as systemd computes them. */
export function calendarSchedule(value: string, context: ScheduleContext, count: number): CalendarSchedule | undefined {
  const clock = clockFor(scheduleZone(context));
  const nowUsec = context.now * 1000;
  const parsed = parseCalendar(value, { localZoneAbbreviations: zoneAbbreviations(clock, Math.floor(context.now / 1000)) });
  if (!parsed.ok) return undefined;
  const elapses: number[] = [];
  let after = nowUsec;
  while (elapses.length < count) {
    const next = nextElapse(parsed.spec, after, clock);
    if (!next.ok) break;
    elapses.push(next.usec);
    after = next.usec;
  }
  return { normalized: parsed.normalized, spec: parsed.spec, elapses };
}

/** "Wed 2026-12-03 09:00:00 CET (in 17h)", with the time in the event's own zone where it names one. */
export function describeElapse(usec: number, spec: CalendarSpec, context: ScheduleContext): string {
  const local = clockFor(scheduleZone(context));
  let text = formatTimestamp(usec, local);
  const own = spec.timezone ?? (spec.utc ? "UTC" : undefined);
  const ownClock = own === undefined ? undefined : clockFor(own);
  if (ownClock && ownClock.zone !== local.zone) text += ` = ${formatTimestamp(usec, ownClock)}${own === "UTC" ? "" : ` ${own}`}`;
  const relative = formatRelative(usec, context.now * 1000);
  return `${text} (${relative.endsWith(" left") ? `in ${relative.slice(0, -5)}` : relative})`;
}

/** An inlay hint's text for an OnCalendar= value: "next: Wed 2026-12-03 09:00:00 CET (in 17h)". */
export function nextElapseLabel(value: string, context: ScheduleContext): string | undefined {
  const schedule = calendarSchedule(value, context, 1);
  if (!schedule) return undefined;
  const [next] = schedule.elapses;
  return next === undefined ? "never elapses" : `next: ${describeElapse(next, schedule.spec, context)}`;
}
