import type { Notifier } from "../operations/notifier";
import type { Prompts } from "../operations/prompts";
import { deliverUnits, generateOrExplain } from "./deliverUnits";
import { askNewUnitOptions, type ResolveProgramFor } from "./newUnitQuestions";

/** Unitsmith: New Unit…: the questions of `unitsmith new`, then the units in files or editors, then an offer to install them. */
export async function newUnit(prompts: Prompts, notifier: Notifier, resolveProgramFor: ResolveProgramFor): Promise<void> {
  const answers = await askNewUnitOptions(prompts, resolveProgramFor);
  if (!answers) return;
  const files = generateOrExplain(answers, resolveProgramFor(answers.scope), notifier);
  if (files) await deliverUnits(prompts, notifier, files);
}
