import { parseArgs } from "node:util";
import type { NewUnitOptions } from "../language/generate";
import { UsageError } from "./io";

export const NEW_USAGE = `Usage: unitsmith new --name NAME --command CMD [options]

Writes a service unit that runs CMD, plus a .timer or .socket when asked, to standard output
or to files. Nothing is written when an option is wrong (exit status 2).

  --name NAME            the unit's name: NAME.service (letters, digits and : - _ . \\)
  --command CMD          a program with its arguments; a program without "/" is looked up on
                         PATH. Pipes, redirections, "&&", variables and globs run through
                         /bin/sh -c. "%" is written as "%%" and "$" as "$$", so neither
                         systemd nor anyone else changes what the command says.
  --description TEXT     Description= (default: NAME)
  --type TYPE            simple, exec (default), oneshot, notify or forking
  --timeout SPAN         end the command after SPAN (e.g. 30s, 5min), whatever the type
  --restart POLICY       no, on-success, on-failure, on-abnormal, on-watchdog, on-abort, always
  --restart-sec SPAN     how long to wait before restarting
  --notify               Type=notify: the command reports readiness itself
  --watchdog SPAN        with --notify: WatchdogSec=, the longest time between keep-alive pings
  --user USER, --group GROUP
                         run as this user and group (system units only)
  --working-dir PATH     the working directory (absolute)
  --env KEY=VALUE        an environment variable; repeat for more
  --env-file PATH        read variables from this file; --env-file=-PATH if it may be missing
  --after UNIT, --wants UNIT
                         order after / pull in UNIT; repeat for more. network-online.target
                         always gets both, since either alone does not wait for the network
  --scope system|user    a system unit (default; WantedBy=multi-user.target) or a user unit
                         (WantedBy=default.target)
  --template             write NAME@.service; the command may use %i (the instance name) and
                         %I (unescaped), which are kept; every other "%" is escaped
  --every SCHEDULE       also write NAME.timer (OnCalendar=SCHEDULE, Persistent=true): daily,
                         hourly, weekly or any calendar event such as "Mon..Fri 09:00";
                         the service becomes Type=oneshot
  --cron 'M H DOM MON DOW'
                         like --every, from a crontab schedule ("0 3 * * 1-5", "@daily"),
                         converted to the OnCalendar= events that fire at the same times
                         (two when cron runs on either the day of month or the weekday)
  --socket PORT|PATH     also write NAME.socket listening on a port, ADDRESS:PORT or a path
  --harden basic|strict  add sandboxing; strict also locks the file system down to the
                         working directory (see the README for the full list)
  --memory-max SIZE      MemoryMax=, e.g. 512M or 20%
  --cpu-quota PERCENT    CPUQuota=, e.g. 50% (or 200% for two CPUs)

Output:
  (default)              standard output; with a companion file, each file follows a line
                         "# ==> FILE <==" (the way head(1) separates files)
  --output-file PATH     write the service to PATH, which must be named NAME.service; a
                         .timer or .socket goes beside it
  --output-dir DIR       write every file into DIR under its unit name
  --force                overwrite existing files (otherwise nothing is written if any exists)

Each file starts with a comment repeating the options (without the output ones), so the same
command always gives the same files.

Exit status: 0 written, 2 usage errors or refused input.`;

export interface OutputTarget {
  file?: string;
  dir?: string;
  force: boolean;
}

const OUTPUT_OPTIONS = new Set(["output-file", "output-dir", "force"]);

const string = { type: "string" } as const;
const strings = { type: "string", multiple: true } as const;
const flag = { type: "boolean" } as const;

const OPTIONS = {
  name: string,
  command: string,
  description: string,
  type: string,
  timeout: string,
  restart: string,
  "restart-sec": string,
  notify: flag,
  watchdog: string,
  user: string,
  group: string,
  "working-dir": string,
  env: strings,
  "env-file": string,
  after: strings,
  wants: strings,
  scope: string,
  template: flag,
  every: string,
  cron: string,
  socket: string,
  harden: string,
  "memory-max": string,
  "cpu-quota": string,
  "output-file": string,
  "output-dir": string,
  force: flag,
  help: flag,
} as const;

export type ParsedNewArgs = { help: true } | { help: false; options: NewUnitOptions; output: OutputTarget };

/** The arguments without the output options, for the header (where a file goes does not change it). */
function invocationOf(args: readonly string[], tokens: readonly { kind: string; index: number; name?: string; inlineValue?: boolean }[]) {
  const dropped = new Set<number>();
  for (const token of tokens) {
    if (token.kind !== "option" || !OUTPUT_OPTIONS.has(token.name!)) continue;
    dropped.add(token.index);
    if (token.inlineValue === false) dropped.add(token.index + 1);
  }
  return args.filter((_arg, index) => !dropped.has(index));
}

export function parseNewArgs(args: readonly string[]): ParsedNewArgs {
  const { values, tokens } = parseArgs({ args: [...args], options: OPTIONS, tokens: true, strict: true, allowPositionals: false });
  if (values.help) return { help: true };
  if (values.name === undefined) throw new UsageError("--name is required: the unit's name, e.g. --name backup");
  if (values.command === undefined)
    throw new UsageError("--command is required: what the unit runs, e.g. --command '/usr/bin/backup --all'");
  if (values["output-file"] !== undefined && values["output-dir"] !== undefined) {
    throw new UsageError("--output-file and --output-dir both say where to write; choose one");
  }
  if (values.force && values["output-file"] === undefined && values["output-dir"] === undefined) {
    throw new UsageError("--force only applies with --output-file or --output-dir");
  }
  return {
    help: false,
    options: {
      name: values.name,
      command: values.command,
      description: values.description,
      type: values.type,
      timeout: values.timeout,
      restart: values.restart,
      restartSec: values["restart-sec"],
      notify: values.notify,
      watchdog: values.watchdog,
      user: values.user,
      group: values.group,
      workingDir: values["working-dir"],
      env: values.env,
      envFile: values["env-file"],
      after: values.after,
      wants: values.wants,
      scope: values.scope,
      template: values.template,
      every: values.every,
      cron: values.cron,
      socket: values.socket,
      harden: values.harden,
      memoryMax: values["memory-max"],
      cpuQuota: values["cpu-quota"],
      invocation: invocationOf(args, tokens),
    },
    output: { file: values["output-file"], dir: values["output-dir"], force: values.force ?? false },
  };
}
