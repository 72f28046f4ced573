import { splitCronLine, type NewUnitOptions } from "../../../server/src/language/generate";
import type { Notifier } from "../operations/notifier";
import type { Prompts } from "../operations/prompts";
import { deliverUnits, generateOrExplain } from "./deliverUnits";
import { suggestedName, type ResolveProgramFor } from "./newUnitQuestions";
import { refusal } from "./refusal";
import { t } from "../l10n";

const QUESTIONS = 4;
/** Stands in for the name while the command is checked: the name is asked next. */
const NAME_WHILE_ASKING_COMMAND = "unit";

/** The crontab line's problem as it is typed, in a sentence. */
function cronLineProblem(text: string): string | undefined {
  const split = splitCronLine(text);
  return split.ok ? undefined : t("This is not a cron line that a timer can follow: {0}.", split.error);
}

/**
 * Unitsmith: Convert a Cron Line…: a crontab line becomes a .timer firing at the times cron would
 * run it and the .service it starts, written by `unitsmith new --cron` (the generator converts the
 * schedule), then put where New Unit puts its units.
 */
export async function convertCron(prompts: Prompts, notifier: Notifier, resolveProgramFor: ResolveProgramFor): Promise<void> {
  const title = (step: number, subject: string) => t("Convert a cron line ({0} of {1}): {2}", step, QUESTIONS, subject);
  const line = await prompts.input({
    title: title(1, t("the crontab line")),
    prompt: t('Five fields or an @nickname, then the command, such as "0 3 * * 1-5 /usr/local/bin/backup"; the command may be given next'),
    problem: cronLineProblem,
  });
  const split = line === undefined ? undefined : splitCronLine(line);
  if (!split?.ok) return;
  const cron = split.schedule;
  const command = await prompts.input({
    title: title(2, t("the command it runs")),
    prompt: t('A program with its arguments, or a shell command line; a program named without "/" is looked up on PATH'),
    value: split.command,
    problem: (text) => refusal({ name: NAME_WHILE_ASKING_COMMAND, command: text, cron }, resolveProgramFor(undefined)),
  });
  if (command === undefined) return;
  const name = await prompts.input({
    title: title(3, t("its name")),
    prompt: t("NAME.service and NAME.timer"),
    value: suggestedName(command),
    problem: (text) => refusal({ name: text, command, cron }, resolveProgramFor(undefined)),
  });
  if (name === undefined) return;
  const scope = await prompts.pick(title(4, t("for which manager?")), [
    { label: t("System"), description: t("/etc/systemd/system, started at boot"), value: "system" },
    { label: t("User"), description: t("~/.config/systemd/user, started when you log in"), value: "user" },
  ]);
  if (!scope) return;
  const options: NewUnitOptions = { name, command, cron, scope: scope.value };
  const files = generateOrExplain(options, resolveProgramFor(scope.value), notifier);
  if (files) await deliverUnits(prompts, notifier, files);
}
