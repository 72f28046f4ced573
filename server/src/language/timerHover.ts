import { calendarSchedule, describeElapse, scheduleZone, type ScheduleContext } from "./calendar/timerSchedule";
import type { EntryNode, Section } from "./parser";
import { parseBoolean } from "./values/boolean";
import { describeTimeSpan, parseTimeSpan } from "./values/timeSpan";

export type { ScheduleContext } from "./calendar/timerSchedule";

const MONOTONIC = {
  OnActiveSec: "after the timer unit itself is started",
  OnBootSec: "after the machine booted",
  OnStartupSec: "after the service manager started (for a user timer: after the user's first login)",
  OnUnitActiveSec: "after the unit this timer starts was last started",
  OnUnitInactiveSec: "after the unit this timer starts last stopped",
} as Record<string, string | undefined>;

function lastValue(section: Section, key: string): string | undefined {
  const entries = section.entries.filter((e) => e.key === key);
  return entries[entries.length - 1]?.value;
}

function spanWords(value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  const parsed = parseTimeSpan(value);
  return parsed.ok ? describeTimeSpan(parsed.usec) : `"${value}"`;
}

/** What the other [Timer] settings do to the elapses; Persistent= counts for OnCalendar= only. */
function timerModifiers(section: Section, calendar: boolean): string[] {
  const lines: string[] = [];
  const randomized = lastValue(section, "RandomizedDelaySec");
  const randomSpan = randomized === undefined ? undefined : parseTimeSpan(randomized);
  if (randomSpan?.ok && randomSpan.usec > 0n) {
    const fixed = parseBoolean(lastValue(section, "FixedRandomDelay") ?? "no");
    const how = fixed.ok && fixed.value ? "the same delay every time (FixedRandomDelay=yes)" : "a new random delay each time";
    lines.push(`**RandomizedDelaySec=${randomized}**: each elapse is put off by up to ${describeTimeSpan(randomSpan.usec)}, ${how}.`);
  } else {
    lines.push("**RandomizedDelaySec=** not set: no random delay.");
  }
  const accuracy = lastValue(section, "AccuracySec");
  lines.push(
    `**AccuracySec=${accuracy ?? ""}**${accuracy === undefined ? " (default 1 minute)" : ""}: systemd may fire up to ${spanWords(accuracy, "1 minute")} late, to wake the machine once for several timers.`,
  );
  if (!calendar) return lines;
  const persistent = parseBoolean(lastValue(section, "Persistent") ?? "no");
  lines.push(
    persistent.ok && persistent.value
      ? "**Persistent=yes**: an elapse missed while the machine was off runs once as soon as the timer starts again."
      : "**Persistent=** off: an elapse missed while the machine was off is skipped.",
  );
  return lines;
}

/** Markdown for a hover over an OnCalendar= or On…Sec= entry of a [Timer] section; undefined otherwise. */
export function timerHover(section: Section, entry: EntryNode, context: ScheduleContext): string | undefined {
  if (section.name !== "Timer") return undefined;
  if (entry.key === "OnCalendar") {
    const schedule = calendarSchedule(entry.value, context, 5);
    if (!schedule) return undefined;
    const elapses = schedule.elapses.map((usec) => `- ${describeElapse(usec, schedule.spec, context)}`);
    return [
      `**OnCalendar=** \`${schedule.normalized}\``,
      "",
      elapses.length > 0 ? `Next elapses (${scheduleZone(context)}):` : "Never elapses again.",
      ...elapses,
      "",
      ...timerModifiers(section, true).flatMap((line) => [line, ""]),
    ]
      .join("\n")
      .trimEnd();
  }
  const meaning = MONOTONIC[entry.key];
  if (!meaning) return undefined;
  const span = parseTimeSpan(entry.value);
  if (!span.ok) return undefined;
  const lines = [`**${entry.key}=${entry.value}**: elapses ${describeTimeSpan(span.usec)} ${meaning}.`, ""];
  return [...lines, ...timerModifiers(section, false).flatMap((line) => [line, ""])].join("\n").trimEnd();
}
