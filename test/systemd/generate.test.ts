// Units from `unitsmith new`, installed and run in a real systemd (see harness/container.ts).
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { newCommand } from "../../server/src/cli/new";
import { bootContainer, type Container } from "./harness/container";
import { pollUntil } from "./harness/poll";

const bootTimeout = 15 * 60_000;
const testTimeout = 120_000;

/** Runs `unitsmith new` with ARGS and returns the files it wrote, by name. */
async function generate(args: readonly string[]): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), "unitsmith-new-systemd-"));
  try {
    let stderr = "";
    const io = { stdout: () => undefined, stderr: (text: string) => void (stderr += text), cwd: dir };
    const code = await newCommand([...args, "--output-dir", dir], io);
    assert.equal(code, 0, stderr);
    return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), "utf8")]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("generated units in a real systemd", () => {
  let container: Container;

  before(
    async () => {
      container = await bootContainer({ name: "generate" });
    },
    { timeout: bootTimeout },
  );
  after(() => container?.stop(), { timeout: testTimeout });

  /** systemctl as root, or as a user against their own manager. */
  const systemctl = (args: readonly string[], user?: string) =>
    container.run(["systemctl", ...(user ? ["--user"] : []), ...args], { user, timeoutMs: 60_000 });

  const show = async (unit: string, property: string, user?: string) =>
    (await systemctl(["show", "-p", property, "--value", unit], user)).stdout.trim();

  /** Generates the units and installs them where the system manager, or USER's manager, reads them. */
  async function install(args: readonly string[], user?: string): Promise<string[]> {
    const files = await generate(args);
    const dir = user ? `/home/${user}/.config/systemd/user` : "/etc/systemd/system";
    for (const [name, text] of Object.entries(files)) await container.writeFile(`${dir}/${name}`, text, { user });
    assert.equal((await systemctl(["daemon-reload"], user)).code, 0);
    return Object.keys(files);
  }

  /** Starts a unit without waiting and resolves once it is no longer starting or running. */
  async function runToEnd(unit: string, user?: string): Promise<{ state: string; seconds: number }> {
    const started = Date.now();
    const start = await systemctl(["start", "--no-block", unit], user);
    assert.equal(start.code, 0, start.stderr);
    const state = await pollUntil(
      `${unit} to stop`,
      Date.now() + 60_000,
      async () => {
        const active = (await systemctl(["is-active", unit], user)).stdout.trim();
        return ["failed", "inactive"].includes(active) ? active : undefined;
      },
      100,
    );
    return { state, seconds: (Date.now() - started) / 1000 };
  }

  test("a generated service starts and runs its command, with its environment and a literal %", { timeout: testTimeout }, async () => {
    await install(["--name", "hello", "--command", 'echo "$GREETING at 100%" > /run/hello.out; sleep 60', "--env", "GREETING=hello world"]);
    const start = await systemctl(["start", "hello.service"]);
    assert.equal(start.code, 0, start.stderr);
    const out = await pollUntil("hello.out", Date.now() + 30_000, async () => {
      const text = await container.readFile("/run/hello.out").catch(() => "");
      return text || undefined;
    });
    assert.equal(out, "hello world at 100%\n");
    assert.equal((await systemctl(["is-active", "hello.service"])).stdout.trim(), "active");
    await systemctl(["stop", "hello.service"]);
  });

  describe("--timeout 2s ends a command that would sleep 60 s, for every type", () => {
    const cases: [string, string[]][] = [
      ["simple", ["--type", "simple", "--command", "sleep 60"]],
      ["exec", ["--type", "exec", "--command", "sleep 60"]],
      ["oneshot", ["--type", "oneshot", "--command", "sleep 60"]],
      ["notify, ready at once", ["--notify", "--command", "systemd-notify --ready; sleep 60"]],
      ["notify, never ready", ["--notify", "--command", "/usr/bin/sleep 60"]],
      ["forking", ["--type", "forking", "--command", "sleep 60 &"]],
    ];
    cases.forEach(([what, args], i) => {
      test(what, { timeout: testTimeout }, async () => {
        const unit = `timeout${i}.service`;
        await install(["--name", `timeout${i}`, "--timeout", "2s", ...args]);
        const { state, seconds } = await runToEnd(unit);
        assert.equal(state, "failed");
        assert.equal(await show(unit, "Result"), "timeout");
        assert.ok(seconds >= 1.8 && seconds < 10, `ended after ${seconds} s`);
      });
    });
  });

  test("--notify: a command that says it is ready makes the service active", { timeout: testTimeout }, async () => {
    await install(["--name", "ready", "--notify", "--command", "systemd-notify --ready; sleep 60"]);
    const start = await systemctl(["start", "ready.service"]);
    assert.equal(start.code, 0, start.stderr);
    assert.equal((await systemctl(["is-active", "ready.service"])).stdout.trim(), "active");
    await systemctl(["stop", "ready.service"]);
  });

  test("--restart on-failure restarts a failing command", { timeout: testTimeout }, async () => {
    await install([
      "--name",
      "flaky",
      "--command",
      "echo run >> /run/flaky.log; exit 1",
      "--restart",
      "on-failure",
      "--restart-sec",
      "200ms",
    ]);
    await systemctl(["start", "--no-block", "flaky.service"]);
    await pollUntil("three runs of flaky.service", Date.now() + 30_000, async () => {
      const log = await container.readFile("/run/flaky.log").catch(() => "");
      return log.split("\n").length > 3 ? log : undefined;
    });
    assert.ok(Number(await show("flaky.service", "NRestarts")) >= 2);
    await systemctl(["stop", "flaky.service"]);
  });

  test("--every timers are listed by systemctl list-timers with the right next elapse", { timeout: testTimeout }, async () => {
    const schedules = ["daily", "hourly", "weekly", "Mon..Fri *-*-* 09:30"];
    for (const [i, schedule] of schedules.entries()) {
      const units = await install(["--name", `every${i}`, "--command", "/usr/bin/true", "--every", schedule]);
      assert.deepEqual(units.sort(), [`every${i}.service`, `every${i}.timer`]);
      const enable = await systemctl(["enable", "--now", `every${i}.timer`]);
      assert.equal(enable.code, 0, enable.stderr);
    }
    const listed = (await systemctl(["list-timers", "--all", "--no-legend", "--no-pager"])).stdout;
    for (const [i, schedule] of schedules.entries()) {
      const line = listed.split("\n").find((l) => l.includes(`every${i}.timer`));
      assert.ok(line, `every${i}.timer in\n${listed}`);
      const calendar = await container.run(["systemd-analyze", "calendar", schedule]);
      const next = /Next elapse: (.*)$/m.exec(calendar.stdout)?.[1]?.trim();
      assert.ok(next, calendar.stdout);
      assert.ok(line.startsWith(next), `${schedule}: expected the next elapse ${next}, list-timers says\n${line}`);
      assert.match(line, new RegExp(`every${i}\\.timer +every${i}\\.service`));
    }
  });

  test("a --scope user unit runs in the user's manager, also with --harden strict", { timeout: testTimeout }, async () => {
    await container.addUser("alice");
    await container.run(["mkdir", "-p", "/home/alice/work"], { user: "alice" });
    for (const harden of [[], ["--harden", "basic"], ["--harden", "strict"]]) {
      const name = `mine${harden.length ? `-${harden[1]}` : ""}`;
      const args = ["--name", name, "--scope", "user", "--type", "oneshot", "--working-dir", "/home/alice/work"];
      await install([...args, "--command", `echo "${name} ran as $(id -un)" > ${name}.txt`, ...harden], "alice");
      const start = await systemctl(["start", `${name}.service`], "alice");
      assert.equal(start.code, 0, `${name}: ${start.stderr}`);
      assert.equal(await container.readFile(`/home/alice/work/${name}.txt`), `${name} ran as alice\n`);
    }
    // Without a working directory a user unit starts in the home directory, which must stay reachable.
    await install(["--name", "home", "--scope", "user", "--type", "oneshot", "--harden", "strict", "--command", "ls -d ."], "alice");
    const start = await systemctl(["start", "home.service"], "alice");
    assert.equal(start.code, 0, start.stderr);
  });

  describe("hardened system units still run their command and write into the working directory", () => {
    for (const harden of ["basic", "strict"])
      for (const dir of ["/srv/data", "/home/bob/data", "/tmp/data", "/etc/myjob"]) {
        test(`--harden ${harden} --working-dir ${dir}`, { timeout: testTimeout }, async () => {
          const name = `hard-${harden}-${dir.split("/")[1]}`;
          await container.run(["mkdir", "-p", dir]);
          await install([
            "--name",
            name,
            "--type",
            "oneshot",
            "--working-dir",
            dir,
            "--harden",
            harden,
            "--command",
            `echo ${harden} ok > ${name}.txt`,
          ]);
          const start = await systemctl(["start", `${name}.service`]);
          assert.equal(start.code, 0, start.stderr);
          assert.equal(await container.readFile(`${dir}/${name}.txt`), `${harden} ok\n`);
        });
      }
  });
});
