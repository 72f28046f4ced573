/**
 * A real systemd, booted with systemd-nspawn from a minimal Debian rootfs, for
 * tests that drive systemctl, journalctl and user managers.
 *
 *   const container = await bootContainer({ name: "ops" });
 *   await container.run(["systemctl", "daemon-reload"]);
 *   const alice = await container.addUser("alice");
 *   await container.run(["systemctl", "--user", "start", "x.service"], { user: "alice" });
 *   await container.stop();
 *
 * To run the project's own adapters against it, hand them `execPrefix(user?)`
 * (see execPrefix.ts): the adapter spawns `[...prefix, "systemctl", ...args]`
 * with `env` laid over its environment, and that lands inside the container as
 * root or as the user.
 *
 * Needs root and the packages from scripts/systemd-container/install-deps.sh.
 * The rootfs comes from scripts/systemd-container/rootfs.sh (built once, then
 * cached). Every container gets its own copy, cgroup and machine name, and is
 * torn down by stop(), or on SIGINT/SIGTERM/exit of the test process.
 */
import { randomBytes } from "node:crypto";
import { accessSync, constants } from "node:fs";
import { join, posix } from "node:path";
import { createCgroup, type ContainerCgroup } from "./cgroup";
import { execPrefix, type ContainerUser, type ExecPrefix } from "./execPrefix";
import { NspawnMachine } from "./nspawn";
import { pollUntil } from "./poll";
import { runProcess, type ProcessResult } from "./process";
import { createRootfsDir, removeRootfs, rootfsTarball, unpackRootfs } from "./rootfs";
import { installTeardownHandlers, track, untrack, type Teardown } from "./teardownOnExit";

export type { ContainerUser, ExecPrefix } from "./execPrefix";
export type { ProcessResult } from "./process";

export interface BootOptions {
  /** Letters, digits and dashes; a random suffix keeps concurrent containers apart. */
  name: string;
  /** From the start of nspawn to a finished boot; the rootfs build (first run only) is not counted. */
  bootTimeoutMs?: number;
  /** A rootfs tarball to boot instead of the one scripts/systemd-container/rootfs.sh builds. */
  rootfsTarball?: string;
}

export interface RunOptions {
  /** A user made with addUser; root when absent. */
  user?: string;
  /** Added to the environment from execPrefix (nothing of the host's environment is passed). */
  env?: Record<string, string>;
  input?: string | Buffer;
  timeoutMs?: number;
}

export interface Container {
  /** The machine name (also the hostname inside). */
  readonly machine: string;
  /** The host's pid of the container's PID 1. */
  readonly pid: number;
  /** Runs argv inside; resolves with its exit code and output whatever the code, rejects on a timeout. */
  run(argv: readonly string[], options?: RunOptions): Promise<ProcessResult>;
  /** Writes a file inside, making its parent directories; owned by `user` when given. */
  writeFile(path: string, content: string | Buffer, options?: { user?: string; mode?: number }): Promise<void>;
  readFile(path: string, options?: { user?: string }): Promise<string>;
  /** Makes a user with a home, lingering, and waits until its user manager is up. */
  addUser(name: string): Promise<ContainerUser>;
  /** The argv prefix and environment that run a command inside as root or as a user from addUser. */
  execPrefix(user?: string): ExecPrefix;
  /**
   * The last lines the container printed on its console (colour codes removed): where PID 1 logs
   * while it starts, before the journal takes over, as after a daemon-reexec.
   */
  consoleTail(): string;
  /** Shuts the container down and removes its cgroup and rootfs copy. Safe to call twice. */
  stop(): Promise<void>;
}

const progress = (message: string) => process.stderr.write(`[systemd-container] ${message}\n`);

const installHint = "run scripts/systemd-container/install-deps.sh (as root) first";

function checkHost(): void {
  if (process.getuid?.() !== 0) throw new Error("booting a systemd container needs root");
  const path = (process.env.PATH ?? "").split(":");
  for (const tool of ["systemd-nspawn", "nsenter", "tar"]) {
    const found = path.some((dir) => {
      try {
        accessSync(join(dir, tool), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
    if (!found) throw new Error(`${tool} not found on PATH; ${installHint}`);
  }
}

export async function bootContainer(options: BootOptions): Promise<Container> {
  if (!/^[a-z0-9][a-z0-9-]{0,40}$/i.test(options.name)) {
    throw new Error(`container name ${JSON.stringify(options.name)}: use up to 41 letters, digits and dashes`);
  }
  checkHost();
  installTeardownHandlers();
  const tarball = options.rootfsTarball ?? (await rootfsTarball());
  const machine = `${options.name}-${randomBytes(3).toString("hex")}`;
  const started = Date.now();
  progress(`${machine}: unpacking ${tarball}`);
  const root = createRootfsDir(machine);
  const rootfsOnly: Teardown = { stop: async () => removeRootfs(root), cleanUp: () => removeRootfs(root) };
  track(rootfsOnly);
  let cgroup: ContainerCgroup;
  try {
    await unpackRootfs(root, tarball);
    cgroup = createCgroup(machine);
  } catch (error) {
    removeRootfs(root);
    throw error;
  } finally {
    untrack(rootfsOnly);
  }
  progress(`${machine}: unpacked in ${Date.now() - started} ms; booting in cgroups ${cgroup.dirs.join(", ")}`);
  const nspawn = new NspawnMachine(machine, root, cgroup);
  track(nspawn);
  try {
    const deadline = Date.now() + (options.bootTimeoutMs ?? 60_000);
    const container = new NspawnContainer(nspawn, await nspawn.containerInit(deadline));
    progress(`${machine}: PID 1 is host pid ${container.pid} after ${Date.now() - started} ms`);
    const state = await container.waitForManager(deadline);
    progress(`${machine}: ${state} after ${Date.now() - started} ms`);
    return container;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const report = nspawn.running ? `\nconsole so far:\n${nspawn.consoleTail()}` : "";
    await stopMachine(nspawn);
    throw new Error(`container ${machine} did not boot: ${reason}${report}`, { cause: error });
  }
}

async function stopMachine(nspawn: NspawnMachine): Promise<void> {
  await nspawn.stop(20_000);
  untrack(nspawn);
}

class NspawnContainer implements Container {
  private readonly users = new Map<string, ContainerUser>();
  private stopped?: Promise<void>;

  constructor(
    private readonly nspawn: NspawnMachine,
    readonly pid: number,
  ) {}

  get machine(): string {
    return this.nspawn.machine;
  }

  execPrefix(user?: string): ExecPrefix {
    return execPrefix(this.pid, user === undefined ? undefined : this.user(user));
  }

  consoleTail(): string {
    return this.nspawn.consoleTail();
  }

  run(argv: readonly string[], options: RunOptions = {}): Promise<ProcessResult> {
    const { prefix, env } = this.execPrefix(options.user);
    return runProcess([...prefix, ...argv], {
      env: { ...env, ...options.env },
      input: options.input,
      timeoutMs: options.timeoutMs,
    });
  }

  async writeFile(path: string, content: string | Buffer, options: { user?: string; mode?: number } = {}) {
    const as = { user: options.user };
    await this.check(["mkdir", "-p", "--", posix.dirname(absolute(path))], as);
    await this.check(["tee", "--", path], { ...as, input: content });
    if (options.mode !== undefined) await this.check(["chmod", options.mode.toString(8), "--", path], as);
  }

  async readFile(path: string, options: { user?: string } = {}): Promise<string> {
    return (await this.check(["cat", "--", absolute(path)], options)).stdout;
  }

  async addUser(name: string): Promise<ContainerUser> {
    if (!/^[a-z_][a-z0-9_-]{0,30}$/.test(name)) throw new Error(`user name ${JSON.stringify(name)} is not portable`);
    await this.check(["useradd", "--create-home", "--user-group", "--shell", "/bin/sh", "--", name]);
    const id = async (flag: string) => Number((await this.check(["id", flag, "--", name])).stdout.trim());
    const user = { name, uid: await id("-u"), gid: await id("-g"), home: `/home/${name}` };
    this.users.set(name, user);
    // Lingering has logind start user@UID.service; starting it as well waits for it.
    await this.check(["loginctl", "enable-linger", "--", name]);
    await this.check(["systemctl", "start", `user@${user.uid}.service`], { timeoutMs: 60_000 });
    await this.waitForManager(Date.now() + 60_000, name);
    return user;
  }

  stop(): Promise<void> {
    this.stopped ??= (async () => {
      progress(`${this.machine}: stopping`);
      const started = Date.now();
      await stopMachine(this.nspawn);
      progress(`${this.machine}: stopped and removed in ${Date.now() - started} ms`);
    })();
    return this.stopped;
  }

  /**
   * Waits for the system manager, or a user's manager, to finish starting;
   * resolves with "running" or "degraded". `is-system-running --wait` returns
   * once start-up is over, but fails at once while the manager is not yet
   * reachable, hence the retries.
   */
  async waitForManager(deadline: number, user?: string): Promise<string> {
    const scope = user === undefined ? [] : ["--user"];
    let last = "";
    const state = await pollUntil(
      `${user === undefined ? "the system manager" : `the user manager of ${user}`} to start`,
      deadline,
      async () => {
        if (!this.nspawn.running) throw new Error(this.nspawn.exitReport());
        const result = await this.run(["systemctl", ...scope, "is-system-running", "--wait"], {
          user,
          timeoutMs: Math.max(1000, deadline - Date.now()),
        });
        last = `${result.stdout}${result.stderr}`.trim();
        return ["running", "degraded"].includes(result.stdout.trim()) ? result.stdout.trim() : undefined;
      },
      100,
    ).catch((error: Error) => {
      throw new Error(`${error.message} (last answer: ${last || "none"})`, { cause: error });
    });
    if (state === "degraded") {
      const failed = await this.run(["systemctl", ...scope, "--failed", "--no-legend", "--plain"], { user });
      progress(`${this.machine}: degraded${user ? ` (user ${user})` : ""}; failed units: ${failed.stdout.trim()}`);
    }
    return state;
  }

  private user(name: string): ContainerUser {
    const user = this.users.get(name);
    if (!user) throw new Error(`no user ${name} in ${this.machine}; make it with addUser first`);
    return user;
  }

  private async check(argv: readonly string[], options: RunOptions = {}): Promise<ProcessResult> {
    const result = await this.run(argv, options);
    if (result.code !== 0) {
      throw new Error(`${argv.join(" ")} failed in ${this.machine} (exit ${result.code}): ${result.stderr.trim()}`);
    }
    return result;
  }
}

function absolute(path: string): string {
  if (!posix.isAbsolute(path)) throw new Error(`${path}: give an absolute path inside the container`);
  return path;
}
