/**
 * The arguments of the `unitsmith.systemd.*` commands and the checks both sides apply to them: the
 * server refuses what these refuse, and the client asks again before it sends such a value.
 */
import type { Scope } from "../language/unitKind";
import type { OperationFailure } from "./operationResults";
import type { SshHost } from "./sshHost";

export type { SshHost } from "./sshHost";

export const JOURNAL_OUTPUT_MODES = [
  "short",
  "short-full",
  "short-iso",
  "short-iso-precise",
  "short-precise",
  "short-monotonic",
  "short-delta",
  "short-unix",
  "with-unit",
  "verbose",
  "cat",
  "json",
  "json-pretty",
  "json-sse",
  "json-seq",
  "export",
] as const;
export type JournalOutputMode = (typeof JOURNAL_OUTPUT_MODES)[number];

/**
 * Another machine to operate on: an ssh destination (`[user@]host`, or a Host of ~/.ssh/config),
 * with `sudo` for system-scope work through `sudo -n` there; or a machine `machinectl list` shows,
 * with the account whose user manager the user scope means.
 */
export type HostArgument = SshHost | { machine: string; user?: string };

/** Every command but security takes `host`; without it the command acts on the machine the server runs on. */
export interface OnHost {
  host?: HostArgument;
}

/** The one argument of the unit commands: a unit by name or by the URI of its file (or of one of its drop-ins). */
export interface UnitArgument extends OnHost {
  unit?: string;
  uri?: string;
  /** Taken from the file's directory when it says (…/systemd/user/… is "user"). */
  scope?: Scope;
  /** Makes `foo@.service` into `foo@<instance>.service`. */
  instance?: string;
}

export interface JournalArgument extends UnitArgument {
  /** 1 to 10000; 200 when absent. */
  lines?: number;
  /** emerg, alert, crit, err, warning, notice, info, debug, 0–7, or a range "warning..err". */
  priority?: string;
  /** What journalctl --since accepts: "5 min ago", "today", "2024-05-01 12:00". */
  since?: string;
  output?: JournalOutputMode;
}

/** The override drop-in's new content, for a unit on another host whose copy the client edited. */
export interface WriteOverrideArgument extends UnitArgument {
  text: string;
}

export interface InstallArgument extends OnHost {
  /** The unit file to install (saved on disk). */
  uri: string;
  scope?: Scope;
  /** "copy" (the default) writes the file into the scope's directory; "link" runs `systemctl link`. */
  mode?: "copy" | "link";
  enable?: boolean;
  /** Start it, or restart it when it runs and the file changed. */
  start?: boolean;
  /** Replace a different file of the same name; without it install answers needs-confirmation. */
  overwrite?: boolean;
  /** For enable/start of a template. */
  instance?: string;
}

export interface ScopeArgument extends OnHost {
  scope: Scope;
}

/** An ssh destination: an optional user and a host name or address; never an option (a leading "-"). */
const SSH_DESTINATION = /^([a-z_][a-z0-9_.-]{0,31}@)?[A-Za-z0-9][A-Za-z0-9._:-]{0,252}$/;
const MACHINE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const USER_NAME = /^[a-z_][a-z0-9_.-]{0,31}$/;

/** Reads `host` from a command's argument; absent is this machine. */
export function parseHostArgument(args: unknown): Parsed<HostArgument | undefined> {
  const host = isObject(args) ? args.host : undefined;
  if (host === undefined || host === null) return { ok: true, value: undefined };
  if (!isObject(host)) return invalid('"host" must be {"ssh": "[user@]host", "sudo"?: true} or {"machine": "name", "user"?: "name"}');
  if (typeof host.ssh === "string") {
    if (!SSH_DESTINATION.test(host.ssh)) return invalid(`"${host.ssh}" is not an ssh destination ([user@]host)`);
    if (host.sudo !== undefined && typeof host.sudo !== "boolean") return invalid('"sudo" must be true or false');
    return { ok: true, value: { ssh: host.ssh, ...(host.sudo === true && { sudo: true }) } };
  }
  if (typeof host.machine === "string") {
    if (!MACHINE_NAME.test(host.machine)) return invalid(`"${host.machine}" is not a machine name`);
    if (host.user !== undefined && (typeof host.user !== "string" || !USER_NAME.test(host.user)))
      return invalid('"user" must be a user name');
    return { ok: true, value: { machine: host.machine, ...(typeof host.user === "string" && { user: host.user }) } };
  }
  return invalid('"host" needs "ssh" (a destination) or "machine" (a name from machinectl list)');
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; failure: OperationFailure };

export const invalid = (message: string): { ok: false; failure: OperationFailure } => ({
  ok: false,
  failure: { ok: false, reason: "invalid-argument", message },
});

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function optionalString(args: Record<string, unknown>, key: string): Parsed<string | undefined> {
  const value = args[key];
  if (value === undefined || value === null) return { ok: true, value: undefined };
  return typeof value === "string" ? { ok: true, value } : invalid(`"${key}" must be a string`);
}

const hasControlCharacter = (text: string) => [...text].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127);

const PRIORITY = /^(emerg|alert|crit|err|warning|notice|info|debug|[0-7])(\.\.(emerg|alert|crit|err|warning|notice|info|debug|[0-7]))?$/;

export interface JournalOptions {
  lines: number;
  priority?: string;
  since?: string;
  output?: JournalOutputMode;
}

export function parseJournalOptions(args: Record<string, unknown>): Parsed<JournalOptions> {
  const lines = args.lines ?? 200;
  if (typeof lines !== "number" || !Number.isInteger(lines) || lines < 1 || lines > 10_000) {
    return invalid('"lines" must be a whole number from 1 to 10000');
  }
  const priority = optionalString(args, "priority");
  if (!priority.ok) return priority;
  if (priority.value !== undefined && !PRIORITY.test(priority.value)) {
    return invalid('"priority" must be emerg, alert, crit, err, warning, notice, info, debug, 0–7, or a range like "warning..err"');
  }
  const since = optionalString(args, "since");
  if (!since.ok) return since;
  // journalctl parses it; refuse only what cannot be a time (control characters, absurd length).
  if (since.value !== undefined && (since.value.trim() === "" || since.value.length > 100 || hasControlCharacter(since.value))) {
    return invalid('"since" must be a time such as "5 min ago", "today" or "2024-05-01 12:00"');
  }
  const output = optionalString(args, "output");
  if (!output.ok) return output;
  if (output.value !== undefined && !(JOURNAL_OUTPUT_MODES as readonly string[]).includes(output.value)) {
    return invalid(`"output" must be one of ${JOURNAL_OUTPUT_MODES.join(", ")}`);
  }
  return {
    ok: true,
    value: {
      lines,
      ...(priority.value !== undefined && { priority: priority.value }),
      ...(since.value !== undefined && { since: since.value.trim() }),
      ...(output.value !== undefined && { output: output.value as JournalOutputMode }),
    },
  };
}
