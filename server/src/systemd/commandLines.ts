import type { Scope } from "../language/unitKind";
import type { JournalOutputMode } from "../protocol/operationArguments";

/** Environment for every systemd tool: plain output, no pager, never a password prompt. */
export const SYSTEMD_TOOL_ENV: Readonly<Record<string, string>> = { SYSTEMD_COLORS: "0", SYSTEMD_PAGER: "", SYSTEMD_LESS: "" };

const scopeFlag = (scope: Scope) => (scope === "user" ? ["--user"] : []);

/** `systemctl [--user] --no-ask-password --no-pager <args>`; unit names go after "--" in args. */
export function systemctlArgv(scope: Scope, args: readonly string[]): string[] {
  return ["systemctl", ...scopeFlag(scope), "--no-ask-password", "--no-pager", ...args];
}

export interface JournalQuery {
  unit: string;
  scope: Scope;
  lines: number;
  /** A level name or number, or a range "warning..err". */
  priority?: string;
  /** Anything journalctl's --since accepts: "5 min ago", "today", "2024-01-01 12:00". */
  since?: string;
  output?: JournalOutputMode;
}

function journalFilters(query: JournalQuery): string[] {
  return [
    ...scopeFlag(query.scope),
    "--no-pager",
    `--unit=${query.unit}`,
    `--lines=${query.lines}`,
    ...(query.priority ? [`--priority=${query.priority}`] : []),
    ...(query.since ? [`--since=${query.since}`] : []),
    ...(query.output ? [`--output=${query.output}`] : []),
  ];
}

export function journalArgv(query: JournalQuery): string[] {
  return ["journalctl", ...journalFilters(query)];
}

/** The same query, following new entries: for a terminal the client opens. */
export function journalFollowArgv(query: JournalQuery): string[] {
  return ["journalctl", ...journalFilters(query), "--follow"];
}

export function securityArgv(file: string): string[] {
  return ["systemd-analyze", "security", "--offline=true", "--json=short", "--no-pager", "--", file];
}

/** The journal of one run of a unit: its processes' lines and the manager's lines about it, as JSON, oldest first. */
export function runJournalArgv(scope: Scope, invocationId: string): string[] {
  return [
    "journalctl",
    ...scopeFlag(scope),
    "--no-pager",
    "--output=json",
    `_SYSTEMD_INVOCATION_ID=${invocationId}`,
    "+",
    `INVOCATION_ID=${invocationId}`,
    "+",
    `USER_INVOCATION_ID=${invocationId}`,
  ];
}
