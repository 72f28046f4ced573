import type { Scope } from "../unitKind";
import { socketSections, timerSections } from "./companions";
import type { GeneratedFile } from "./options";
import { planUnit } from "./plan";
import { renderUnit } from "./render";

/** What starts an existing service: a timer on a schedule, or a socket on an address. */
export type Trigger = { kind: "timer"; every: string } | { kind: "socket"; address: string };

/**
 * The service exists already, so its command does not matter to the companion; this one stands in
 * for it while the generator checks the trigger against the service's name, template and scope.
 */
const STAND_IN_COMMAND = "/bin/true";

/**
 * The .timer or .socket that starts `service` (a file name such as "backup.service" or
 * "greet@.service"), written by the same builders as `unitsmith new --every/--socket`; or every
 * reason the generator refuses the trigger for that service.
 */
export function companionFile(service: string, scope: Scope, trigger: Trigger): GeneratedFile | { errors: string[] } {
  const stem = service.replace(/\.service$/, "");
  const template = stem.endsWith("@");
  const planned = planUnit(
    {
      name: template ? stem.slice(0, -1) : stem,
      command: STAND_IN_COMMAND,
      template,
      scope,
      ...(trigger.kind === "timer" ? { every: trigger.every } : { socket: trigger.address }),
    },
    () => undefined,
  );
  if ("errors" in planned) return planned;
  const header = `# Starts ${service}; added by Unitsmith`;
  const sections =
    trigger.kind === "timer"
      ? timerSections(planned.plan, [trigger.every], service)
      : socketSections(planned.plan, trigger.address, service);
  return { name: `${stem}.${trigger.kind}`, text: renderUnit(header, sections) };
}
