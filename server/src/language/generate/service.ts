import { hardeningLines } from "./hardening";
import type { ServiceType } from "./options";
import type { PlannedCommand, UnitPlan } from "./plan";
import { escapeSpecifiers, execWord, quoteWord } from "./quote";
import type { UnitLine, UnitSection } from "./render";

/** A unit that must be both wanted and ordered after, or depending on it achieves nothing. */
const WANT_AND_ORDER = ["network-online.target"];

function execStart(command: PlannedCommand, template: boolean): string {
  const argv = command.kind === "argv" ? command.argv : ["/bin/sh", "-c", command.script];
  return argv.map((word) => execWord(word, template)).join(" ");
}

/**
 * Which directive ends the command after `span`. RuntimeMaxSec= only acts on a service that is up
 * (a oneshot never is), and a notify or forking service is not up until it says so or forks, so
 * those also get the same limit on starting.
 */
function timeoutLines(type: ServiceType, span: string): UnitLine[] {
  switch (type) {
    case "oneshot":
      return [["TimeoutStartSec", span]];
    case "simple":
    case "exec":
      return [["RuntimeMaxSec", span]];
    case "notify":
    case "forking":
      return [
        ["TimeoutStartSec", span],
        ["RuntimeMaxSec", span],
      ];
  }
}

const unique = (items: readonly string[]) => [...new Set(items)];

function unitSection(plan: UnitPlan): UnitSection {
  const both = [...plan.after, ...plan.wants].filter((unit) => WANT_AND_ORDER.includes(unit));
  const wants = unique([...plan.wants, ...both]);
  const after = unique([...plan.after, ...both]);
  const lines: UnitLine[] = [["Description", escapeSpecifiers(plan.description, plan.template)]];
  if (wants.length > 0) lines.push(["Wants", wants.join(" ")]);
  if (after.length > 0) lines.push(["After", after.join(" ")]);
  return { name: "Unit", lines };
}

function serviceSection(plan: UnitPlan): UnitSection {
  const text = (value: string) => escapeSpecifiers(value, plan.template);
  const lines: UnitLine[] = [["Type", plan.type]];
  // The shell is the main process, so readiness comes from a child such as systemd-notify.
  if (plan.type === "notify" && plan.command.kind === "shell") lines.push(["NotifyAccess", "all"]);
  if (plan.user !== undefined) lines.push(["User", text(plan.user)]);
  if (plan.group !== undefined) lines.push(["Group", text(plan.group)]);
  if (plan.workingDir !== undefined) lines.push(["WorkingDirectory", text(plan.workingDir)]);
  for (const assignment of plan.env) lines.push(["Environment", quoteWord(text(assignment))]);
  if (plan.envFile !== undefined) lines.push(["EnvironmentFile", text(plan.envFile)]);
  lines.push(["ExecStart", execStart(plan.command, plan.template)]);
  // The daemon's PID file is not known here; the main process is the one the command leaves behind.
  if (plan.type === "forking") lines.push(["GuessMainPID", "yes"]);
  if (plan.timeout !== undefined) lines.push(...timeoutLines(plan.type, plan.timeout.trim()));
  if (plan.restart !== undefined) lines.push(["Restart", plan.restart]);
  if (plan.restartSec !== undefined) lines.push(["RestartSec", plan.restartSec.trim()]);
  if (plan.watchdog !== undefined) lines.push(["WatchdogSec", plan.watchdog.trim()]);
  if (plan.memoryMax !== undefined) lines.push(["MemoryMax", plan.memoryMax]);
  if (plan.cpuQuota !== undefined) lines.push(["CPUQuota", plan.cpuQuota]);
  lines.push(...hardeningLines(plan));
  return { name: "Service", lines };
}

/** The service runs at boot (or login) unless a timer or socket starts it. */
function installSection(plan: UnitPlan): UnitSection[] {
  if (plan.calendars !== undefined || plan.socket !== undefined) return [];
  return [{ name: "Install", lines: [["WantedBy", plan.scope === "user" ? "default.target" : "multi-user.target"]] }];
}

export function serviceSections(plan: UnitPlan): UnitSection[] {
  return [unitSection(plan), serviceSection(plan), ...installSection(plan)];
}
