import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname } from "node:path";
import { cgroupFor } from "./cgroup";
import { propagateDir } from "./nspawn";
import { rootfsPrefix } from "./rootfs";

/** Host pids of systemd-nspawn processes running the given machine. */
export function nspawnProcesses(machine: string): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").includes(`--machine=${machine}`);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * What a machine left on the host: nspawn processes, cgroups (which hold the
 * container's processes and can only go once those are gone), tmpfs mounts,
 * nspawn's run-time directory and rootfs copies. Empty when it was torn down completely.
 */
export function leftovers(machine: string): string[] {
  const prefix = rootfsPrefix(machine);
  const rootfsDir = dirname(prefix);
  const mounts = readFileSync("/proc/self/mountinfo", "utf8")
    .split("\n")
    .map((line) => line.split(" ")[4] ?? "")
    .filter((mountPoint) => mountPoint.startsWith(prefix));
  return [
    ...nspawnProcesses(machine).map((pid) => `systemd-nspawn pid ${pid}`),
    ...cgroupFor(machine)
      .dirs.filter((dir) => existsSync(dir))
      .map((dir) => `cgroup ${dir}`),
    ...mounts.map((mountPoint) => `mount on ${mountPoint}`),
    ...(existsSync(propagateDir(machine)) ? [`directory ${propagateDir(machine)}`] : []),
    ...readdirSync(rootfsDir)
      .map((name) => `${rootfsDir}/${name}`)
      .filter((path) => path.startsWith(prefix))
      .map((path) => `rootfs ${path}`),
  ];
}
