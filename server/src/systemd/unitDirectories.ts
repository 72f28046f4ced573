import { homedir } from "node:os";
import { posix } from "node:path";
import type { Scope } from "../language/unitKind";

/** Where units are installed for each scope: the administrator's directory, and the user's config directory. */
export interface UnitDirectories {
  system: string;
  user: string;
}

/** /etc/systemd/system and $XDG_CONFIG_HOME/systemd/user (~/.config/systemd/user). */
export function defaultUnitDirectories(env: Readonly<Record<string, string | undefined>> = process.env): UnitDirectories {
  const configHome = env.XDG_CONFIG_HOME?.startsWith("/") ? env.XDG_CONFIG_HOME : posix.join(homedir(), ".config");
  return { system: "/etc/systemd/system", user: posix.join(configHome, "systemd", "user") };
}

/** The path of a unit file in the scope's directory; the name must have passed checkUnitName (no "/" can reach here). */
export function unitFilePath(directories: UnitDirectories, scope: Scope, unit: string): string {
  return posix.join(directories[scope], unit);
}

/** `<dir>/<unit>.d/override.conf`, the drop-in `systemctl edit` also uses. */
export function overridePath(directories: UnitDirectories, scope: Scope, unit: string): string {
  return posix.join(directories[scope], `${unit}.d`, "override.conf");
}
