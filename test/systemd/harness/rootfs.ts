import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runProcess } from "./process";

const rootfsScript = join(__dirname, "../../../scripts/systemd-container/rootfs.sh");

let tarball: Promise<string> | undefined;

/** The cached rootfs tarball's path; the first call in a process builds it if the cache lacks it. */
export function rootfsTarball(): Promise<string> {
  tarball ??= runProcess([rootfsScript], { timeoutMs: 15 * 60_000, inheritStderr: true }).then((result) => {
    const path = result.stdout.trim();
    if (result.code !== 0 || !path) throw new Error(`${rootfsScript} failed with exit code ${result.code}`);
    return path;
  });
  return tarball;
}

/** Every rootfs copy of a machine is a directory whose path starts so. */
export const rootfsPrefix = (machine: string) => `/var/tmp/unitsmith-${machine}-`;

/** A new, empty directory for a machine's rootfs. */
export function createRootfsDir(machine: string): string {
  return mkdtempSync(rootfsPrefix(machine));
}

/**
 * Mounts a fresh tmpfs on `root` and unpacks the tarball into it. In memory,
 * because on a busy disk writing the ~8,000 files takes seconds where a tmpfs
 * takes a fraction of one, and unmounting it removes them at once.
 */
export async function unpackRootfs(root: string, tarballPath: string): Promise<void> {
  await check(["mount", "-t", "tmpfs", "-o", "mode=0755", "unitsmith-rootfs", root]);
  await check(["tar", "-C", root, "--numeric-owner", "--xattrs", "--xattrs-include=*", "-xf", tarballPath]);
}

async function check(argv: string[]): Promise<void> {
  const result = await runProcess(argv, { timeoutMs: 120_000 });
  if (result.code !== 0) throw new Error(`${argv.join(" ")} failed: ${result.stderr.trim()}`);
}

function mountsAtOrBelow(root: string): string[] {
  return readFileSync("/proc/self/mountinfo", "utf8")
    .split("\n")
    .map((line) => line.split(" ")[4] ?? "")
    .filter((mountPoint) => mountPoint === root || mountPoint.startsWith(`${root}/`));
}

/**
 * Unmounts and deletes an unpacked rootfs; refuses while anything else is
 * mounted beneath it. Synchronous, so that it can run in an 'exit' handler.
 * The unmount is lazy so that it also works while an interrupted tar is still
 * exiting; the tmpfs is freed as soon as it has.
 */
export function removeRootfs(root: string): void {
  const mounts = mountsAtOrBelow(root);
  const foreign = mounts.filter((mountPoint) => mountPoint !== root);
  if (foreign.length > 0) throw new Error(`not removing ${root}: still mounted beneath it: ${foreign.join(", ")}`);
  const steps = [...(mounts.length > 0 ? [["umount", "--lazy", root]] : []), ["rm", "-rf", "--one-file-system", "--", root]];
  for (const [command, ...args] of steps) {
    const result = spawnSync(command!, args, { encoding: "utf8", timeout: 60_000 });
    if (result.status !== 0) throw new Error(`${[command, ...args].join(" ")} failed: ${result.error?.message ?? result.stderr}`);
  }
}
