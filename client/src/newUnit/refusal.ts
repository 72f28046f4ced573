import { generateUnits, type NewUnitOptions, type ResolveProgram } from "../../../server/src/language/generate";
import { inWizardWords } from "./wizardWords";

/**
 * Why `unitsmith new` would refuse `options` (every problem, in one line, in the wizard's words), or
 * undefined when it accepts them. Input boxes check each answer with the answers before it through
 * this, so the editor refuses exactly what the command line refuses.
 */
export function refusal(options: NewUnitOptions, resolveProgram: ResolveProgram): string | undefined {
  const result = generateUnits(options, resolveProgram);
  return result.ok ? undefined : inWizardWords(result.errors.join(" "));
}
