import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { bootContainer, type Container } from "./harness/container";
import { leftovers, nspawnProcesses } from "./harness/leftovers";
import { pollUntil } from "./harness/poll";
import { runProcess } from "./harness/process";

// The first run on a machine builds the rootfs with debootstrap (a minute or two).
const bootTimeout = 15 * 60_000;
const testTimeout = 120_000;

const oneshot = (message: string) => `[Unit]
Description=Says ${message}

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/bin/echo ${message} from %u
`;

/** journalctl output arrives a moment after the service wrote it, so ask until it is there. */
// Polls for a whole line: the unit's Description can carry the same words in the
// "Starting ..." line before the command's own output reaches the journal.
/** Waits until one of the journal queries shows `line`. */
function journalShows(container: Container, line: RegExp, ...queries: { argv: string[]; user?: string }[]): Promise<string> {
  return pollUntil(`${line} in ${queries.map(({ argv }) => argv.join(" ")).join(" or ")}`, Date.now() + 60_000, async () => {
    // Asks journald to write out what it has received before each look, as the line may be queued.
    await container.run(["journalctl", "--sync"]);
    for (const { argv, user } of queries) {
      const result = await container.run(argv, { user });
      if (line.test(result.stdout)) return result.stdout;
    }
    return undefined;
  });
}

describe("systemd container harness", () => {
  let container: Container;

  before(
    async () => {
      container = await bootContainer({ name: "smoke" });
    },
    { timeout: bootTimeout },
  );

  after(() => container?.stop(), { timeout: testTimeout });

  test("boots a real systemd as PID 1 of the container", { timeout: testTimeout }, async () => {
    const comm = await container.run(["cat", "/proc/1/comm"]);
    assert.equal(comm.stdout.trim(), "systemd");
    const state = await container.run(["systemctl", "is-system-running"]);
    assert.match(state.stdout, /^(running|degraded)$/m);
  });

  test("a system service starts and its output reaches the journal", { timeout: testTimeout }, async () => {
    await container.writeFile("/etc/systemd/system/hello.service", oneshot("hello-from-the-system"));
    assert.equal((await container.run(["systemctl", "daemon-reload"])).code, 0);
    const start = await container.run(["systemctl", "start", "hello.service"]);
    assert.equal(start.code, 0, start.stderr);
    const active = await container.run(["systemctl", "is-active", "hello.service"]);
    assert.deepEqual([active.code, active.stdout.trim()], [0, "active"]);
    // %u expands to the manager's user: the system manager runs as root.
    await journalShows(container, /^hello-from-the-system from root$/m, {
      argv: ["journalctl", "--no-pager", "-o", "cat", "-u", "hello.service"],
    });
  });

  test("reports a failure as a non-zero exit code with systemd's message", { timeout: testTimeout }, async () => {
    const result = await container.run(["systemctl", "start", "no-such-unit.service"]);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /no-such-unit\.service not found/);
  });

  test("a user service runs in the user's own manager, driven through the exec prefix", { timeout: testTimeout }, async () => {
    const alice = await container.addUser("alice");
    await container.writeFile(`${alice.home}/.config/systemd/user/greet.service`, oneshot("hello-from-alice"), {
      user: "alice",
    });
    // The way the server's adapters will run systemctl: argv after a prefix, extra env over their own.
    const { prefix, env } = container.execPrefix("alice");
    const systemctlUser = (...args: string[]) =>
      runProcess([...prefix, "systemctl", "--user", ...args], { env: { ...process.env, ...env } });
    assert.equal((await systemctlUser("daemon-reload")).code, 0);
    const start = await systemctlUser("start", "greet.service");
    assert.equal(start.code, 0, start.stderr);
    assert.equal((await systemctlUser("is-active", "greet.service")).stdout.trim(), "active");
    // %u expands to the manager's user: alice's own manager ran it, not the system one. Her
    // journal shows it; where journald had not split her messages into a file of her own yet, the
    // system journal has it under her user unit.
    await journalShows(
      container,
      /^hello-from-alice from alice$/m,
      { argv: ["journalctl", "--user", "--no-pager", "-o", "cat", "-u", "greet.service"], user: "alice" },
      { argv: ["journalctl", "--no-pager", "-o", "cat", `_UID=${alice.uid}`, "_SYSTEMD_USER_UNIT=greet.service"] },
    );
    const system = await container.run(["systemctl", "is-active", "greet.service"]);
    assert.equal(system.stdout.trim(), "inactive");
  });

  test("stop leaves no nspawn process, cgroup, mount or rootfs copy behind", { timeout: testTimeout }, async () => {
    assert.equal(nspawnProcesses(container.machine).length, 1);
    await container.stop();
    assert.deepEqual(leftovers(container.machine), []);
  });
});
