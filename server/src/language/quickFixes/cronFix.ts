import { cronToCalendar, looksLikeCron } from "../calendar/cron";
import { rangeOf } from "./edits";
import { quickFix, type Fix } from "./fixContext";

/** invalid-value on a timer's OnCalendar= that holds a crontab schedule: the calendar event(s) that fire at the same times. */
export const convertCronSchedule: Fix = (context) => {
  const { file, entry, section } = context;
  if (!entry || section?.name !== "Timer" || entry.key !== "OnCalendar" || !looksLikeCron(entry.value)) return [];
  const converted = cronToCalendar(entry.value);
  if (!converted.ok) return [];
  // Cron runs on either day field when both are given; that takes one OnCalendar= line each.
  const newText = converted.calendars.join(`\nOnCalendar=`);
  const title = `Convert the cron schedule to OnCalendar=${converted.calendars.join(" and OnCalendar=")}`;
  return [quickFix(context, title, [{ range: rangeOf(file, entry.valueSpan.start, entry.valueSpan.end), newText }], true)];
};
