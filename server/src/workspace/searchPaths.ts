import { homedir } from "node:os";
import { posix } from "node:path";
import type { Scope } from "../language/unitKind";

type Environment = Readonly<Record<string, string | undefined>>;

const absolute = (value: string | undefined) => (value?.startsWith("/") ? value : undefined);

/** $XDG_CONFIG_DIRS / $XDG_DATA_DIRS: colon-separated absolute paths, with the XDG defaults. */
function xdgList(value: string | undefined, fallback: string[]): string[] {
  const listed = (value ?? "").split(":").filter((path) => path.startsWith("/"));
  return listed.length > 0 ? listed : fallback;
}

/**
 * The directories systemd loads units from, highest priority first (systemd.unit(5), "Unit File
 * Load Path"), with Debian's /lib beside /usr/lib. Runtime-only directories (transient units,
 * generators) are included: they name units that exist on the running system.
 */
export function unitSearchPaths(scope: Scope, env: Environment = process.env): string[] {
  if (scope === "system") {
    return [
      "/etc/systemd/system.control",
      "/run/systemd/system.control",
      "/run/systemd/transient",
      "/run/systemd/generator.early",
      "/etc/systemd/system",
      "/etc/systemd/system.attached",
      "/run/systemd/system",
      "/run/systemd/system.attached",
      "/run/systemd/generator",
      "/usr/local/lib/systemd/system",
      "/usr/lib/systemd/system",
      "/lib/systemd/system",
      "/run/systemd/generator.late",
    ];
  }
  const home = absolute(env.HOME) ?? homedir();
  const configHome = absolute(env.XDG_CONFIG_HOME) ?? posix.join(home, ".config");
  const dataHome = absolute(env.XDG_DATA_HOME) ?? posix.join(home, ".local/share");
  const runtime = absolute(env.XDG_RUNTIME_DIR);
  const inRuntime = (path: string) => (runtime ? [posix.join(runtime, path)] : []);
  return [
    posix.join(configHome, "systemd/user.control"),
    ...inRuntime("systemd/user.control"),
    ...inRuntime("systemd/transient"),
    ...inRuntime("systemd/generator.early"),
    posix.join(configHome, "systemd/user"),
    ...xdgList(env.XDG_CONFIG_DIRS, ["/etc/xdg"]).map((dir) => posix.join(dir, "systemd/user")),
    "/etc/systemd/user",
    ...inRuntime("systemd/user"),
    "/run/systemd/user",
    ...inRuntime("systemd/generator"),
    posix.join(dataHome, "systemd/user"),
    ...xdgList(env.XDG_DATA_DIRS, ["/usr/local/share", "/usr/share"]).map((dir) => posix.join(dir, "systemd/user")),
    "/usr/local/lib/systemd/user",
    "/usr/lib/systemd/user",
    "/lib/systemd/user",
    ...inRuntime("systemd/generator.late"),
  ];
}
