import { posix } from "node:path";

/**
 * Where a new cgroup for a container goes: one directory per hierarchy that
 * systemd-nspawn cares about (the unified cgroup2 tree and the legacy
 * name=systemd tree), each beneath the cgroup the calling process is in.
 */
export interface CgroupLayout {
  /** Parent directories, one per hierarchy; a container's cgroup is a child of each. */
  parents: string[];
  /** True when a cgroup2 hierarchy is mounted, so nspawn should give the container the unified layout. */
  unified: boolean;
}

interface CgroupMount {
  mountPoint: string;
  /** The path inside the hierarchy that is mounted there (usually "/"). */
  root: string;
  /** "" for cgroup2, else the v1 hierarchy's name=... option. */
  name: string;
}

const unescapeMountinfo = (field: string) => field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));

function cgroupMounts(mountinfo: string): CgroupMount[] {
  return mountinfo.split("\n").flatMap((line) => {
    const [left, right] = line.split(" - ");
    if (!left || !right) return [];
    const fields = left.split(" ");
    const [fsType, , superOptions = ""] = right.split(" ");
    const root = unescapeMountinfo(fields[3] ?? "/");
    const mountPoint = unescapeMountinfo(fields[4] ?? "");
    if (fsType === "cgroup2") return [{ mountPoint, root, name: "" }];
    const name = superOptions.split(",").find((option) => option === "name=systemd");
    return fsType === "cgroup" && name ? [{ mountPoint, root, name }] : [];
  });
}

/** The calling process's path in each hierarchy, from /proc/self/cgroup ("" names cgroup2). */
function ownPaths(procSelfCgroup: string): Map<string, string> {
  const paths = new Map<string, string>();
  for (const line of procSelfCgroup.split("\n")) {
    const match = /^\d+:([^:]*):(.*)$/.exec(line);
    if (match) paths.set(match[1] ?? "", match[2] ?? "/");
  }
  return paths;
}

/** Works out the layout from the text of /proc/self/mountinfo and /proc/self/cgroup. */
export function cgroupLayout(mountinfo: string, procSelfCgroup: string): CgroupLayout {
  const paths = ownPaths(procSelfCgroup);
  const seen = new Set<string>();
  const parents: string[] = [];
  let unified = false;
  for (const mount of cgroupMounts(mountinfo)) {
    if (seen.has(mount.name)) continue;
    const own = paths.get(mount.name);
    if (own === undefined) continue;
    seen.add(mount.name);
    unified ||= mount.name === "";
    parents.push(posix.join(mount.mountPoint, posix.relative(mount.root, own)));
  }
  return { parents, unified };
}
