import { cronToCalendar } from "../calendar/cron";
import { parseCommand } from "./command";
import {
  HARDENING_LEVELS,
  RESTART_POLICIES,
  SCOPES,
  SERVICE_TYPES,
  type GenerateScope,
  type HardeningLevel,
  type NewUnitOptions,
  type ResolveProgram,
  type RestartPolicy,
  type ServiceType,
} from "./options";
import * as check from "./valueChecks";

/** The command as systemd will run it: a program by absolute path with its arguments, or a script for /bin/sh. */
export type PlannedCommand = { kind: "argv"; argv: string[] } | { kind: "shell"; script: string };

/** Options that passed every check, in the shape the unit builders need. */
export interface UnitPlan {
  /** "backup", or "backup@" for a template. */
  stem: string;
  template: boolean;
  scope: GenerateScope;
  type: ServiceType;
  command: PlannedCommand;
  description: string;
  timeout?: string;
  watchdog?: string;
  user?: string;
  group?: string;
  workingDir?: string;
  restart?: RestartPolicy;
  restartSec?: string;
  env: string[];
  envFile?: string;
  after: string[];
  wants: string[];
  /** The timer's OnCalendar= events, from --every or --cron. */
  calendars?: string[];
  socket?: string;
  harden?: HardeningLevel;
  memoryMax?: string;
  cpuQuota?: string;
  invocation: readonly string[];
}

/** Restart= values systemd accepts for Type=oneshot. */
const ONESHOT_RESTARTS: readonly RestartPolicy[] = ["no", "on-failure", "on-abnormal", "on-watchdog", "on-abort"];
/** Targets of the system manager that a user manager does not have. */
const SYSTEM_ONLY_TARGETS = ["network-online.target", "network.target", "network-pre.target"];

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

function resolveCommand(text: string, template: boolean, resolve: ResolveProgram, errors: string[]): PlannedCommand | undefined {
  const parsed = parseCommand(text);
  if (parsed.kind === "error") {
    errors.push(`--command ${JSON.stringify(text)}: ${parsed.message}.`);
    return undefined;
  }
  if (parsed.kind === "shell") return parsed;
  const [program, ...args] = parsed.argv;
  if (program!.startsWith("/")) return parsed;
  if (template && /%[iI]/.test(program!)) {
    errors.push(`--command: the program ${JSON.stringify(program)} must be an absolute path when it names the instance (%i).`);
    return undefined;
  }
  const found = resolve(program!);
  if (found === undefined) {
    errors.push(`--command: ${JSON.stringify(program)} was not found on PATH; give the program's absolute path.`);
    return undefined;
  }
  return { kind: "argv", argv: [found, ...args] };
}

/** Why --name cannot name the service, if it cannot. */
function nameProblem(name: string, bare: string, template: boolean): string | undefined {
  if (bare.trim() === "") return "--name is empty; name the unit, e.g. --name backup.";
  if (/\.(socket|timer|target|mount|path|slice)$/.test(bare)) {
    const stem = bare.replace(/\.[a-z]+$/, "");
    return `--name ${JSON.stringify(name)}: name the service (e.g. ${stem}); its timer or socket takes the same name.`;
  }
  if (bare.includes("@")) return `--name ${JSON.stringify(name)}: leave "@" out and add --template to write a template unit.`;
  return check.unitName("--name", `${bare}${template ? "@" : ""}.service`);
}

/** The timer's OnCalendar= events: --every as given, or --cron converted; undefined without a schedule or when refused. */
function scheduleEvents(options: NewUnitOptions, errors: string[]): string[] | undefined {
  if (options.cron === undefined) return options.every === undefined ? undefined : [options.every];
  if (options.every !== undefined) {
    errors.push("--cron and --every both give the schedule; choose one.");
    return undefined;
  }
  const converted = cronToCalendar(options.cron);
  if (converted.ok) return converted.calendars;
  errors.push(`--cron '${options.cron}': ${converted.error}.`);
  return undefined;
}

/** Checks every option and how they combine; returns all the problems at once. */
export function planUnit(options: NewUnitOptions, resolve: ResolveProgram): { plan: UnitPlan } | { errors: string[] } {
  const errors: string[] = [];
  const push = (problem: string | undefined) => problem && errors.push(problem);
  const template = options.template ?? false;
  const bare = options.name.endsWith(".service") ? options.name.slice(0, -".service".length) : options.name;
  push(nameProblem(options.name, bare, template));
  const stem = `${bare}${template ? "@" : ""}`;
  const scope = options.scope ?? "system";
  push(check.oneOf("--scope", scope, SCOPES));

  const scheduled = options.every !== undefined || options.cron !== undefined;
  const calendars = scheduleEvents(options, errors);
  const type = options.type ?? (options.notify ? "notify" : scheduled ? "oneshot" : "exec");
  push(check.oneOf("--type", type, SERVICE_TYPES));
  if (options.notify && type !== "notify") errors.push(`--notify makes the service Type=notify; it cannot be --type ${type}.`);
  if (scheduled && type !== "oneshot") {
    errors.push(
      `${options.cron === undefined ? "--every" : "--cron"} runs the command to completion on each tick (Type=oneshot); it cannot be --type ${type}.`,
    );
  }
  if (options.watchdog !== undefined && type !== "notify") {
    errors.push("--watchdog needs --notify: only a service that notifies systemd can send the keep-alive pings.");
  }
  if (scheduled && options.socket !== undefined) {
    errors.push(
      `${options.cron === undefined ? "--every" : "--cron"} and --socket both say what starts the service; choose one (a timer or a socket).`,
    );
  }
  if (template && options.socket !== undefined) {
    errors.push("--socket with --template is not supported: the socket starts one service, name it without --template.");
  }

  const restart = options.restart;
  if (restart !== undefined) {
    push(check.oneOf("--restart", restart, RESTART_POLICIES));
    if (type === "oneshot" && isOneOf(RESTART_POLICIES, restart) && !ONESHOT_RESTARTS.includes(restart)) {
      errors.push(`--restart ${restart}: systemd refuses it for a Type=oneshot service; use on-failure.`);
    }
  }
  if (options.restartSec !== undefined && (restart === undefined || restart === "no")) {
    errors.push("--restart-sec needs --restart with a policy other than no.");
  }
  if (scope === "user" && options.user !== undefined)
    errors.push("--user is for system units; a --scope user unit runs as its manager's user.");
  if (scope === "user" && options.group !== undefined)
    errors.push("--group is for system units; a --scope user unit runs as its manager's user.");
  for (const unit of [...(options.after ?? []), ...(options.wants ?? [])]) {
    if (scope === "user" && SYSTEM_ONLY_TARGETS.includes(unit)) {
      errors.push(`${unit} belongs to the system manager; a --scope user unit cannot wait for it (a user manager has no such unit).`);
    }
  }

  for (const [option, value] of [
    ["--timeout", options.timeout],
    ["--restart-sec", options.restartSec],
    ["--watchdog", options.watchdog],
  ] as const) {
    if (value !== undefined) push(check.positiveSpan(option, value));
  }
  if (options.every !== undefined) push(check.calendar("--every", options.every));
  if (options.socket !== undefined) push(check.listenAddress("--socket", options.socket));
  const port = /(?:^|:)(\d+)$/.exec(options.socket ?? "");
  if (scope === "user" && port && Number(port[1]) < 1024) {
    errors.push(`--socket ${options.socket}: a user manager cannot listen on ports below 1024; use a higher port or a system unit.`);
  }
  if (options.user !== undefined) push(check.userOrGroup("--user", options.user, "user"));
  if (options.user === "nobody" || options.user === "65534") {
    errors.push(
      `--user ${options.user}: systemd warns against it, since every other program running as nobody can reach this one; use a user of its own.`,
    );
  }
  if (options.group !== undefined) push(check.userOrGroup("--group", options.group, "group"));
  if (options.workingDir !== undefined) push(check.absolutePath("--working-dir", options.workingDir));
  if (options.envFile !== undefined) push(check.absolutePath("--env-file", options.envFile, true));
  for (const assignment of options.env ?? []) push(check.environmentAssignment("--env", assignment));
  for (const unit of options.after ?? []) push(check.dependency("--after", unit));
  for (const unit of options.wants ?? []) push(check.dependency("--wants", unit));
  if (options.harden !== undefined) push(check.oneOf("--harden", options.harden, HARDENING_LEVELS));
  if (options.memoryMax !== undefined) push(check.memorySize("--memory-max", options.memoryMax));
  const cpuQuota = options.cpuQuota !== undefined && /^\d+(\.\d+)?$/.test(options.cpuQuota) ? `${options.cpuQuota}%` : options.cpuQuota;
  if (cpuQuota !== undefined) push(check.cpuQuota("--cpu-quota", cpuQuota));
  if (options.description !== undefined) push(check.description("--description", options.description));

  const command = resolveCommand(options.command, template, resolve, errors);
  if (errors.length > 0 || command === undefined) return { errors };
  return {
    plan: {
      stem,
      template,
      scope: scope as GenerateScope,
      type: type as ServiceType,
      command,
      description: options.description?.trim() ?? stem.replace(/@$/, ""),
      timeout: options.timeout,
      watchdog: options.watchdog,
      user: options.user,
      group: options.group,
      workingDir: options.workingDir,
      restart: restart as RestartPolicy | undefined,
      restartSec: options.restartSec,
      env: [...(options.env ?? [])],
      envFile: options.envFile,
      after: [...(options.after ?? [])],
      wants: [...(options.wants ?? [])],
      calendars,
      socket: options.socket,
      harden: options.harden as HardeningLevel | undefined,
      memoryMax: options.memoryMax,
      cpuQuota,
      invocation: options.invocation ?? [],
    },
  };
}
