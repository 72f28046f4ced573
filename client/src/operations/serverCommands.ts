/** The server's `unitsmith.systemd.*` commands as the client calls them. */
import { COMMANDS, type CommandName } from "../../../server/src/protocol";

export type * from "../../../server/src/protocol";

/** The workspace/executeCommand id of a server command. */
export function serverCommandId(name: CommandName): string {
  return COMMANDS[name];
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
