import type { Prompts } from "../operations/prompts";
import { t } from "../l10n";

const OTHER = "other";

const SCHEDULE_CHOICES = [
  { label: t("Daily"), description: t("at midnight"), value: "daily" },
  { label: t("Hourly"), description: t("at the start of every hour"), value: "hourly" },
  { label: t("Weekly"), description: t("on Monday at midnight"), value: "weekly" },
  { label: t("Another calendar event…"), description: t('such as "Mon..Fri 09:00" or "*-*-* 03:30"'), value: OTHER },
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
    title: t("{0} (a calendar event)", title),
    prompt: t('A calendar event for OnCalendar=, such as "Mon..Fri 09:00"; `systemd-analyze calendar` shows when it elapses'),
    problem,
  });
}
