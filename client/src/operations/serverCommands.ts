/**
 * The server's `unitsmith.systemd.*` commands as the client calls them: each command's argument and
 * answer type. Only types come from the server; its code stays in the server bundle.
 */
import type { InstallArgument, JournalArgument, ScopeArgument, UnitArgument } from "../../../server/src/operations/arguments";
import type { CommandName } from "../../../server/src/operations/commands";
import type {
  CatResult,
  DaemonReloadResult,
  InstallResult,
  JournalResult,
  ListResult,
  OverrideResult,
  SecurityResult,
  StatusResult,
  UninstallResult,
  UnitActionResult,
} from "../../../server/src/operations/types";

export type { CommandName } from "../../../server/src/operations/commands";
export type * from "../../../server/src/operations/types";
export type { InstallArgument, JournalArgument, UnitArgument } from "../../../server/src/operations/arguments";

interface Table {
  status: [UnitArgument, StatusResult];
  start: [UnitArgument, UnitActionResult];
  stop: [UnitArgument, UnitActionResult];
  restart: [UnitArgument, UnitActionResult];
  reload: [UnitArgument, UnitActionResult];
  enable: [UnitArgument, UnitActionResult];
  disable: [UnitArgument, UnitActionResult];
  enableNow: [UnitArgument, UnitActionResult];
  resetFailed: [UnitArgument, UnitActionResult];
  daemonReload: [ScopeArgument, DaemonReloadResult];
  journal: [JournalArgument, JournalResult];
  cat: [UnitArgument, CatResult];
  list: [ScopeArgument, ListResult];
  override: [UnitArgument, OverrideResult];
  install: [InstallArgument, InstallResult];
  uninstall: [UnitArgument, UninstallResult];
  security: [{ uri: string }, SecurityResult];
}

/** Fails to compile when a server command has no entry in the table. */
export type CommandTypes = { [K in CommandName]: Table[K] };

export type ArgumentOf<K extends CommandName> = CommandTypes[K][0];
export type ResultOf<K extends CommandName> = CommandTypes[K][1];

/** The workspace/executeCommand id of a server command. */
export function serverCommandId(name: CommandName): string {
  return `unitsmith.systemd.${name}`;
}

/** The commands that change what systemd runs or reads (after them, shown states are stale). */
export const CHANGING_COMMANDS: ReadonlySet<CommandName> = new Set<CommandName>([
  "start",
  "stop",
  "restart",
  "reload",
  "enable",
  "disable",
  "enableNow",
  "resetFailed",
  "daemonReload",
  "install",
  "uninstall",
]);
