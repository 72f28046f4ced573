import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync, rmSync, rmdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { cgroupPids, killCgroup, removeCgroup, type ContainerCgroup } from "./cgroup";
import { pollUntil, sleepSync } from "./poll";
import { removeRootfs } from "./rootfs";
import type { Teardown } from "./teardownOnExit";

// nspawn has to start inside the container's cgroup, so a fixed script moves
// itself there and then execs nspawn. Paths and argv arrive as arguments and are
// never part of the script text.
const joinCgroupsThenExec = 'while [ "$1" != -- ]; do echo $$ > "$1/cgroup.procs" || exit 125; shift; done; shift; exec "$@"';

const consoleLines = 150;
const nspawnRunDir = "/run/systemd/nspawn";

/** One systemd-nspawn process booting a rootfs, and everything to remove once it is gone. */
export class NspawnMachine implements Teardown {
  readonly exited: Promise<void>;
  private readonly console: string[] = [];
  private readonly child: ChildProcess;
  /** nspawn's lock on the root directory; it deletes this itself unless it is killed. */
  private readonly lockFile: string;
  private cleaned = false;

  constructor(
    readonly machine: string,
    readonly root: string,
    readonly cgroup: ContainerCgroup,
  ) {
    const { dev, ino } = statSync(root);
    this.lockFile = join(nspawnRunDir, "locks", `inode-${dev}:${ino}`);
    const argv = [
      "systemd-nspawn",
      "--quiet",
      `--directory=${root}`,
      `--machine=${machine}`,
      "--boot",
      // No machined on the host to register with, and no systemd unit to create.
      "--register=no",
      "--keep-unit",
      "--private-network",
      "--console=read-only",
    ];
    this.child = spawn("sh", ["-c", joinCgroupsThenExec, "sh", ...cgroup.dirs, "--", ...argv], {
      stdio: ["ignore", "pipe", "pipe"],
      // A Ctrl-C in the terminal reaches only the test process, whose handler then stops nspawn in order.
      detached: true,
      env: { ...process.env, ...(cgroup.unified ? { SYSTEMD_NSPAWN_UNIFIED_HIERARCHY: "1" } : {}) },
    });
    this.child.stdout?.on("data", (chunk: Buffer) => this.record(chunk));
    this.child.stderr?.on("data", (chunk: Buffer) => this.record(chunk));
    this.exited = new Promise((resolve) => this.child.once("exit", () => resolve()));
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines nspawn and the booting system printed, colour codes removed. */
  consoleTail(): string {
    // eslint-disable-next-line no-control-regex
    return this.console.join("").replace(/\x1b\[[0-9;]*m/g, "");
  }

  /** Why nspawn is gone, with what it printed; for errors. */
  exitReport(): string {
    const status = this.child.signalCode ?? `exit code ${this.child.exitCode}`;
    return `systemd-nspawn for ${this.machine} ended (${status}). Its output:\n${this.consoleTail()}`;
  }

  /** The pid (on the host) of the container's PID 1: the child of nspawn that is PID 1 in its own namespace. */
  containerInit(deadline: number): Promise<number> {
    const nspawnPid = this.child.pid;
    if (nspawnPid === undefined) return Promise.reject(new Error(this.exitReport()));
    return pollUntil(`the PID 1 of container ${this.machine}`, deadline, () => {
      if (!this.running) throw new Error(this.exitReport());
      return childrenOf(nspawnPid).find(isNamespaceInit);
    });
  }

  /** Asks for an orderly shutdown, then kills whatever is left after `graceMs`, and removes everything. */
  async stop(graceMs: number): Promise<void> {
    if (this.running) {
      this.child.kill("SIGTERM");
      const timer = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
      await Promise.race([this.exited, timer]);
    }
    this.cleanUp();
  }

  /**
   * Kills and removes everything synchronously: what stop() ends with, and all
   * that can run inside a process 'exit' handler.
   */
  cleanUp(): void {
    if (this.cleaned) return;
    const deadline = Date.now() + 10_000;
    while (this.cgroup.dirs.some((dir) => cgroupPids(dir).length > 0)) {
      if (Date.now() > deadline) throw new Error(`processes of ${this.machine} survive SIGKILL in ${this.cgroup.dirs}`);
      killCgroup(this.cgroup);
      sleepSync(20);
    }
    removeCgroup(this.cgroup);
    rmSync(this.lockFile, { force: true });
    for (const dir of [propagateDir(this.machine), ...sharedRunDirs]) removeIfEmpty(dir);
    removeRootfs(this.root);
    this.cleaned = true;
  }

  private record(chunk: Buffer): void {
    this.console.push(...chunk.toString().split(/(?<=\n)/));
    this.console.splice(0, Math.max(0, this.console.length - consoleLines));
  }
}

export const propagateDir = (machine: string) => join(nspawnRunDir, "propagate", machine);

// nspawn leaves these behind; they are shared by all containers, so only empty ones go.
const sharedRunDirs = [join(nspawnRunDir, "propagate"), join(nspawnRunDir, "locks"), nspawnRunDir];

function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Absent, or still in use by another container.
  }
}

function childrenOf(parent: number): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        // The fields after the command name (which may hold spaces and parentheses): state, ppid, ...
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === parent;
      } catch {
        return false;
      }
    });
}

function isNamespaceInit(pid: number): boolean {
  try {
    const nsPids = /^NSpid:\s+(.*)$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]?.split(/\s+/) ?? [];
    return nsPids.length > 1 && nsPids.at(-1) === "1";
  } catch {
    return false;
  }
}
