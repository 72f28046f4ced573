import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { runProcess } from "../../src/systemd/processRunner";
import { hangWithChild, pidsIn, survivorsOf, untilExists } from "./liveProcesses";

const fakes = mkdtempSync(join(tmpdir(), "unitsmith-fake-bin-"));
after(() => rmSync(fakes, { recursive: true, force: true }));

/** A fake program written for the test: a shell script first on PATH. */
function fake(name: string, script: string): void {
  const path = join(fakes, name);
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
}
const onFakePath = { PATH: `${fakes}:${process.env.PATH}` };

describe("process runner", () => {
  test("returns the exit status and both outputs, and passes argv untouched (no shell)", async () => {
    const result = await runProcess(["printf", "%s|", "a b", "$(id)", "; rm -rf /"], { timeoutMs: 5000 });
    assert.deepEqual(result, { ok: true, code: 0, stdout: "a b|$(id)|; rm -rf /|", stderr: "" });
    const failed = await runProcess(["ls", "/no/such/path"], { timeoutMs: 5000 });
    assert.equal(failed.ok && failed.code, 2);
    assert.match(failed.ok ? failed.stderr : "", /No such file/);
  });

  test("a prefix goes before argv and env is laid over the environment", async () => {
    const result = await runProcess(["printenv", "UNITSMITH_PROBE"], {
      prefix: ["env"],
      env: { UNITSMITH_PROBE: "from-env" },
      timeoutMs: 5000,
    });
    assert.deepEqual(result.ok && result.stdout, "from-env\n");
  });

  test("a program that is not installed is a not-found error", async () => {
    const result = await runProcess(["unitsmith-no-such-program"], { timeoutMs: 5000 });
    assert.deepEqual(result, {
      ok: false,
      error: "not-found",
      command: "unitsmith-no-such-program",
      message: "unitsmith-no-such-program was not found on PATH",
    });
  });

  test("a fake hung systemctl is stopped at the timeout, child processes and all", async () => {
    // The child sleep keeps the output pipes open: only killing the process group ends the wait.
    const pids = join(fakes, "timed-out-pids");
    fake("systemctl", hangWithChild(pids));
    const result = await runProcess(["systemctl", "status"], { env: onFakePath, timeoutMs: 300 });
    assert.equal(result.ok ? "exited" : result.error, "timed-out");
    assert.match(result.ok ? "" : result.message, /did not finish within 0\.3 s/);
    assert.deepEqual(await survivorsOf(await pidsIn(pids)), []);
  });

  test("a fake hung systemctl is stopped when the request is cancelled, child processes and all", async () => {
    const pids = join(fakes, "cancelled-pids");
    fake("systemctl", hangWithChild(pids));
    const controller = new AbortController();
    void untilExists(pids).then(() => controller.abort());
    const result = await runProcess(["systemctl", "status"], { env: onFakePath, timeoutMs: 30_000, signal: controller.signal });
    assert.equal(result.ok ? "exited" : result.error, "cancelled");
    assert.deepEqual(await survivorsOf(await pidsIn(pids)), []);
  });

  test("an already cancelled request starts nothing", async () => {
    const marker = join(fakes, "ran");
    fake("marker", `touch ${marker}`);
    const controller = new AbortController();
    controller.abort();
    const result = await runProcess(["marker"], { env: onFakePath, timeoutMs: 5000, signal: controller.signal });
    assert.equal(result.ok ? "exited" : result.error, "cancelled");
    assert.equal(((await runProcess(["test", "-e", marker], { timeoutMs: 5000 })) as { code: number }).code, 1, "the program never ran");
  });

  test("output over the limit stops the program", async () => {
    const result = await runProcess(["head", "-c", "100000", "/dev/zero"], { timeoutMs: 5000, maxOutputBytes: 1000 });
    assert.equal(result.ok ? "exited" : result.error, "output-too-large");
  });
});
