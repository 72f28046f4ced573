/** What `unitsmith new` is asked for, as given (strings are checked by the generator, not here). */
export interface NewUnitOptions {
  /** The unit's name without ".service" (a trailing ".service" is accepted). */
  name: string;
  /** A program with arguments, or a shell command line. */
  command: string;
  description?: string;
  /** "system" (the default) or "user". */
  scope?: string;
  /** simple, exec, oneshot, notify or forking; exec by default, oneshot with `every`. */
  type?: string;
  /** Type=notify; `watchdog` needs it. */
  notify?: boolean;
  watchdog?: string;
  /** The longest the command may run, whatever the type. */
  timeout?: string;
  user?: string;
  group?: string;
  workingDir?: string;
  restart?: string;
  restartSec?: string;
  /** KEY=VALUE assignments. */
  env?: readonly string[];
  envFile?: string;
  after?: readonly string[];
  wants?: readonly string[];
  /** Writes name@.service, whose command may use %i. */
  template?: boolean;
  /** A calendar event; adds a .timer. */
  every?: string;
  /**
   * Instead of `every`, a crontab(5) schedule ("0 3 * * 1-5", "@daily"): the .timer gets the
   * OnCalendar= events that fire at the same times (two when cron runs on either day field).
   */
  cron?: string;
  /** A port, address:port or socket path; adds a .socket. */
  socket?: string;
  /** "basic" or "strict". */
  harden?: string;
  memoryMax?: string;
  cpuQuota?: string;
  /** The arguments that asked for this, repeated in each file's header. */
  invocation?: readonly string[];
}

/** Finds a program named without an absolute path; undefined when there is none. */
export type ResolveProgram = (name: string) => string | undefined;

export interface GeneratedFile {
  /** The unit file name, e.g. "backup.service", "backup.timer". */
  name: string;
  text: string;
}

export type GenerateResult = { ok: true; files: GeneratedFile[] } | { ok: false; errors: string[] };

export const SERVICE_TYPES = ["simple", "exec", "oneshot", "notify", "forking"] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const RESTART_POLICIES = ["no", "on-success", "on-failure", "on-abnormal", "on-watchdog", "on-abort", "always"] as const;
export type RestartPolicy = (typeof RESTART_POLICIES)[number];

export const HARDENING_LEVELS = ["basic", "strict"] as const;
export type HardeningLevel = (typeof HARDENING_LEVELS)[number];

export const SCOPES = ["system", "user"] as const;
export type GenerateScope = (typeof SCOPES)[number];
