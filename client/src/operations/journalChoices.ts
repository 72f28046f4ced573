import { JOURNAL_OUTPUT_MODES, parseJournalOptions } from "../../../server/src/protocol";
import type { JournalOutputMode } from "./serverCommands";
import { t } from "../l10n";

/** What Show Journal asks; absent fields leave journalctl's defaults. */
export interface JournalChoices {
  priority?: string;
  since?: string;
  output?: JournalOutputMode;
}

export interface Choice<T> {
  label: string;
  description?: string;
  value: T;
}

export const PRIORITY_CHOICES: readonly Choice<string | undefined>[] = [
  { label: t("All messages"), value: undefined },
  { label: t("Errors and worse"), description: "err", value: "err" },
  { label: t("Warnings and worse"), description: "warning", value: "warning" },
  { label: t("Notices and worse"), description: "notice", value: "notice" },
  { label: t("Informational and worse"), description: "info", value: "info" },
];

/** `custom` asks for a time as journalctl --since reads it. */
export const SINCE_CHOICES: readonly Choice<string | undefined | "custom">[] = [
  { label: t("The last 200 entries"), value: undefined },
  { label: t("The last 10 minutes"), description: "10 min ago", value: "10 min ago" },
  { label: t("The last hour"), description: "1 hour ago", value: "1 hour ago" },
  { label: t("Today"), description: "today", value: "today" },
  { label: t("Since yesterday"), description: "yesterday", value: "yesterday" },
  { label: t("Since…"), description: t('a time such as "2024-05-01 12:00" or "3 days ago"'), value: "custom" },
];

const OUTPUT_DESCRIPTIONS: Partial<Record<JournalOutputMode, string>> = {
  short: t("like syslog (the default)"),
  "short-iso": t("ISO 8601 times"),
  "short-precise": t("times to the microsecond"),
  "short-monotonic": t("seconds since boot"),
  verbose: t("every field of every entry"),
  cat: t("the messages alone"),
  "json-pretty": t("one JSON object per entry, indented"),
};

export const OUTPUT_CHOICES: readonly Choice<JournalOutputMode>[] = JOURNAL_OUTPUT_MODES.map((mode) => ({
  label: mode,
  value: mode,
  ...(OUTPUT_DESCRIPTIONS[mode] && { description: OUTPUT_DESCRIPTIONS[mode] }),
}));

/** Why a typed --since time will be refused, as the server would say it; undefined when it will do. */
export function sinceProblem(text: string): string | undefined {
  const parsed = parseJournalOptions({ since: text });
  return parsed.ok ? undefined : parsed.failure.message;
}

/** The choices as fields of the server's journal argument ("short", the default, is left out). */
export function journalFields(choices: JournalChoices): JournalChoices {
  return {
    ...(choices.priority !== undefined && { priority: choices.priority }),
    ...(choices.since !== undefined && { since: choices.since }),
    ...(choices.output !== undefined && choices.output !== "short" && { output: choices.output }),
  };
}
