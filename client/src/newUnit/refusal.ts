import { generateUnits, type NewUnitOptions, type ResolveProgram } from "../../../server/src/language/generate";

/**
 * Why `unitsmith new` would refuse `options` (every problem, in one line), or undefined when it
 * accepts them. Input boxes check each answer with the answers before it through this, so the
 * editor refuses exactly what the command line refuses.
 */
export function refusal(options: NewUnitOptions, resolveProgram: ResolveProgram): string | undefined {
  const result = generateUnits(options, resolveProgram);
  return result.ok ? undefined : result.errors.join(" ");
}
