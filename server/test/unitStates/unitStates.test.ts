import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { parseListUnitsStates } from "../../src/systemd/listOutput";
import { UnitStates } from "../../src/workspace/unitStates";

const LISTED = [
  "ssh.service                  loaded    active   running OpenBSD Secure Shell server",
  "backup.service               loaded    failed   failed  Nightly backup",
  "nightly.timer                loaded    active   waiting Run the backup every night",
].join("\n");

async function eventually<T>(read: () => T | undefined, deadlineMs = 5000): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error("no value before the deadline");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("unit states for hovers", () => {
  it("reads list-units rows into name → active (sub) state", () => {
    const states = parseListUnitsStates(LISTED);
    assert.equal(states.get("ssh.service"), "active (running)");
    assert.equal(states.get("backup.service"), "failed (failed)");
  });

  describe("with a FAKE systemctl first on PATH", () => {
    let dir: string;
    let path: string | undefined;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), "unitsmith-fake-systemctl-"));
      const fake = join(dir, "systemctl");
      writeFileSync(fake, `#!/bin/sh\necho "$*" >> '${join(dir, "calls")}'\ncat <<'EOF'\n${LISTED}\nEOF\n`);
      chmodSync(fake, 0o755);
      path = process.env.PATH;
      process.env.PATH = `${dir}:${path}`;
    });
    after(() => {
      process.env.PATH = path;
      rmSync(dir, { recursive: true, force: true });
    });

    it("answers from the last list without waiting, once the first one arrives", async () => {
      const states = new UnitStates(() => true);
      assert.equal(states.get("system", "ssh.service"), undefined, "the first hover does not wait for systemctl");
      assert.equal(await eventually(() => states.get("system", "ssh.service")), "active (running)");
      assert.equal(states.get("system", "nightly.timer"), "active (waiting)");
    });

    it("runs nothing when processes are not allowed", async () => {
      rmSync(join(dir, "calls"), { force: true });
      const refused = new UnitStates(() => false);
      assert.equal(refused.get("user", "ssh.service"), undefined);
      // Asked after it, an allowed one answers; by then a call for the refused one would show too.
      const allowed = new UnitStates(() => true);
      allowed.get("system", "ssh.service");
      await eventually(() => allowed.get("system", "ssh.service"));
      assert.deepEqual(readFileSync(join(dir, "calls"), "utf8").trim().split("\n"), [
        "--no-ask-password --no-pager list-units --all --plain --no-legend --full",
      ]);
      assert.equal(refused.get("user", "ssh.service"), undefined);
    });
  });
});
