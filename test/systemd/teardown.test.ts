import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { bootContainer } from "./harness/container";
import { leftovers } from "./harness/leftovers";
import { runProcess } from "./harness/process";

// A child process may have to build the rootfs first (see container.test.ts).
const firstBootTimeout = 15 * 60_000;
const repoRoot = join(__dirname, "../..");

/** Runs fixtures/bootAndExit.ts in its own process; resolves once its container is up. */
function bootInChild(mode: "hold" | "crash") {
  const child = spawn(process.execPath, ["--import", "tsx", join(__dirname, "fixtures/bootAndExit.ts"), mode], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const booted = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split("\n").find((candidate) => candidate.startsWith("{"));
      if (line) resolve((JSON.parse(line) as { machine: string }).machine);
    });
    void exited.then((code) => reject(new Error(`fixture exited (${code}) before booting:\n${stderr}`)));
  });
  return { child, booted, exited, stderr: () => stderr };
}

describe("container teardown", () => {
  const scratch = mkdtempSync(join(tmpdir(), "unitsmith-teardown-"));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  test("a rootfs that cannot boot fails at once with nspawn's reason and leaves nothing behind", { timeout: 60_000 }, async () => {
    const tree = join(scratch, "not-an-os");
    mkdirSync(join(tree, "etc"), { recursive: true });
    const tarball = join(scratch, "not-an-os.tar");
    assert.equal((await runProcess(["tar", "-C", tree, "-cf", tarball, "."])).code, 0);
    const started = Date.now();
    const error: Error = await bootContainer({ name: "broken", rootfsTarball: tarball }).then(
      () => assert.fail("booted a rootfs without an OS"),
      (reason: Error) => reason,
    );
    assert.ok(Date.now() - started < 30_000, "failed without waiting out the boot timeout");
    assert.match(error.message, /did not boot/);
    assert.match(error.message, /os-release/, "nspawn's own explanation is in the message");
    const machine = /container (\S+) did not boot/.exec(error.message)?.[1];
    assert.ok(machine);
    assert.deepEqual(leftovers(machine), []);
  });

  test("SIGINT to the test process tears its container down", { timeout: firstBootTimeout }, async () => {
    const run = bootInChild("hold");
    const machine = await run.booted;
    run.child.kill("SIGINT");
    assert.equal(await run.exited, 130, run.stderr());
    assert.deepEqual(leftovers(machine), []);
  });

  test("a test process that dies of an uncaught exception still tears its container down", { timeout: firstBootTimeout }, async () => {
    const run = bootInChild("crash");
    const machine = await run.booted;
    assert.equal(await run.exited, 1);
    assert.match(run.stderr(), /crashing on purpose/);
    assert.deepEqual(leftovers(machine), []);
  });
});
