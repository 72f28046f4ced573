import { existsSync, mkdirSync, readFileSync, readdirSync, rmdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cgroupLayout } from "./cgroupLayout";

/** One cgroup, made in every hierarchy nspawn uses, that holds a container and nothing else. */
export interface ContainerCgroup {
  dirs: string[];
  unified: boolean;
}

/** Where the cgroup of a machine goes (whether or not it exists). */
export function cgroupFor(machine: string): ContainerCgroup {
  const layout = cgroupLayout(readFileSync("/proc/self/mountinfo", "utf8"), readFileSync("/proc/self/cgroup", "utf8"));
  return { dirs: layout.parents.map((parent) => join(parent, `unitsmith-${machine}`)), unified: layout.unified };
}

export function createCgroup(machine: string): ContainerCgroup {
  const cgroup = cgroupFor(machine);
  if (cgroup.dirs.length === 0) {
    throw new Error("no cgroup2 or name=systemd cgroup hierarchy is mounted; systemd-nspawn needs one");
  }
  for (const dir of cgroup.dirs) mkdirSync(dir);
  return cgroup;
}

function subdirs(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(dir, entry.name));
  } catch {
    return [];
  }
}

/** The pids in a cgroup and all its descendants. */
export function cgroupPids(dir: string): number[] {
  let own: number[] = [];
  try {
    own = readFileSync(join(dir, "cgroup.procs"), "utf8").split("\n").filter(Boolean).map(Number);
  } catch {
    // Gone already.
  }
  return [...own, ...subdirs(dir).flatMap(cgroupPids)];
}

/** SIGKILLs everything in the cgroups: all at once through cgroup.kill where the kernel has it. */
export function killCgroup(cgroup: ContainerCgroup): void {
  for (const dir of cgroup.dirs) {
    if (existsSync(join(dir, "cgroup.kill"))) {
      writeFileSync(join(dir, "cgroup.kill"), "1");
      continue;
    }
    for (const pid of cgroupPids(dir)) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // Exited meanwhile.
      }
    }
  }
}

/** Removes the (empty) cgroup directories, children first. */
export function removeCgroup(cgroup: ContainerCgroup): void {
  const remove = (dir: string) => {
    subdirs(dir).forEach(remove);
    try {
      rmdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  };
  cgroup.dirs.forEach(remove);
}
