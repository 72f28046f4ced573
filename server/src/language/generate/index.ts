/**
 * `unitsmith new`'s core: options in, unit files out. Pure; the caller looks programs up on PATH
 * (through `resolveProgram`) and writes the files.
 */
import { socketSections, timerSections } from "./companions";
import type { GeneratedFile, GenerateResult, NewUnitOptions, ResolveProgram } from "./options";
import { planUnit } from "./plan";
import { headerComment, renderUnit } from "./render";
import { serviceSections } from "./service";

export * from "./options";
export { splitCronLine, type CronLine } from "../calendar/cron";
export { bootInstall, type BootInstall } from "./bootInstall";
export { parseCommand } from "./command";
export { companionFile, type Trigger } from "./companionFile";
export { findProgram, type ExecutableProbe } from "./findProgram";

export function generateUnits(options: NewUnitOptions, resolveProgram: ResolveProgram): GenerateResult {
  const planned = planUnit(options, resolveProgram);
  if ("errors" in planned) return { ok: false, errors: planned.errors };
  const { plan } = planned;
  const header = headerComment(plan.invocation);
  const serviceName = `${plan.stem}.service`;
  const files: GeneratedFile[] = [{ name: serviceName, text: renderUnit(header, serviceSections(plan)) }];
  if (plan.calendars !== undefined)
    files.push({ name: `${plan.stem}.timer`, text: renderUnit(header, timerSections(plan, plan.calendars, serviceName)) });
  if (plan.socket !== undefined) {
    files.push({ name: `${plan.stem}.socket`, text: renderUnit(header, socketSections(plan, plan.socket, serviceName)) });
  }
  return { ok: true, files };
}
