/** The PATH given to commands inside the container (Debian's default for root). */
export const containerPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/** A user made inside a container by Container.addUser. */
export interface ContainerUser {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

/**
 * How to run a command inside a container: spawn `[...prefix, command, ...args]`
 * with `env` laid over the caller's environment. The prefix enters every
 * namespace of the container's PID 1 with nsenter (a host binary); for a user it
 * then drops to that user with the container's setpriv, and `env` points
 * systemctl/journalctl --user at the user's manager and session bus.
 */
export interface ExecPrefix {
  prefix: string[];
  env: Record<string, string>;
}

export function execPrefix(containerPid: number, user?: ContainerUser): ExecPrefix {
  const enter = ["nsenter", "-t", String(containerPid), "-a", "--"];
  if (!user) return { prefix: enter, env: { PATH: containerPath, HOME: "/root", USER: "root", LOGNAME: "root" } };
  const runtimeDir = `/run/user/${user.uid}`;
  return {
    prefix: [...enter, "setpriv", `--reuid=${user.uid}`, `--regid=${user.gid}`, "--init-groups", "--"],
    env: {
      PATH: containerPath,
      HOME: user.home,
      USER: user.name,
      LOGNAME: user.name,
      XDG_RUNTIME_DIR: runtimeDir,
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${runtimeDir}/bus`,
    },
  };
}
