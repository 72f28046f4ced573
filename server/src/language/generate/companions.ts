import type { UnitPlan } from "./plan";
import { escapeSpecifiers } from "./quote";
import type { UnitSection } from "./render";

/** The .timer that starts the service on the --every or --cron schedule, catching up on runs missed while off. */
export function timerSections(plan: UnitPlan, calendars: readonly string[], serviceName: string): UnitSection[] {
  const text = (value: string) => escapeSpecifiers(value, plan.template);
  return [
    { name: "Unit", lines: [["Description", text(`Starts ${serviceName} on the schedule ${calendars.join(" or ")}`)]] },
    {
      name: "Timer",
      lines: [...calendars.map((calendar): [string, string] => ["OnCalendar", text(calendar)]), ["Persistent", "true"]],
    },
    { name: "Install", lines: [["WantedBy", "timers.target"]] },
  ];
}

/** The .socket that listens on --socket and starts the service on the first connection. */
export function socketSections(plan: UnitPlan, address: string, serviceName: string): UnitSection[] {
  return [
    { name: "Unit", lines: [["Description", `Socket of ${serviceName}`]] },
    { name: "Socket", lines: [["ListenStream", escapeSpecifiers(address, plan.template)]] },
    { name: "Install", lines: [["WantedBy", "sockets.target"]] },
  ];
}
