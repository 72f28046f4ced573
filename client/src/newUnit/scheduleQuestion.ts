import type { Prompts } from "../operations/prompts";

const OTHER = "other";

const SCHEDULE_CHOICES = [
  { label: "Daily", description: "at midnight", value: "daily" },
  { label: "Hourly", description: "at the start of every hour", value: "hourly" },
  { label: "Weekly", description: "on Monday at midnight", value: "weekly" },
  { label: "Another calendar event…", description: 'such as "Mon..Fri 09:00" or "*-*-* 03:30"', value: OTHER },
];

/**
 * Asks when a timer fires: a common schedule, or an OnCalendar= expression checked by `problem`
 * as it is typed. Undefined when the user dismissed a question.
 */
export async function askSchedule(
  prompts: Prompts,
  title: string,
  problem: (text: string) => string | undefined,
): Promise<string | undefined> {
  const picked = await prompts.pick(title, SCHEDULE_CHOICES);
  if (!picked || picked.value !== OTHER) return picked?.value;
  return prompts.input({
    title: `${title} (a calendar event)`,
    prompt: 'A calendar event for OnCalendar=, such as "Mon..Fri 09:00"; `systemd-analyze calendar` shows when it elapses',
    problem,
  });
}
