// The unitsmith.systemd.* operations on other hosts: two containers running sshd in a private
// network the test makes, reached the way the server reaches any host — `systemctl --host`, and
// ssh with an argv — with the test's key and ~/.ssh/config. System scope as root, as a user with
// sudo, and a user's own units; a host that hangs and one that refuses the key.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { executeOperation } from "../../server/src/operations/commands";
import { createOperationContext, type OperationContext } from "../../server/src/operations/context";
import type { HostArgument } from "../../server/src/protocol/operationArguments";
import type { InstallResult, UnitActionResult } from "../../server/src/protocol/operationResults";
import { expectFailure, expectOk } from "./harness/answers";
import { bootContainer, type Container } from "./harness/container";
import { pollUntil } from "./harness/poll";
import { createSshLab, type SshLab } from "./harness/sshLab";

const bootTimeout = 15 * 60_000;
const testTimeout = 180_000;

const greeter = (version: number) => `[Unit]
Description=Remote greeter v${version}

[Service]
ExecStart=/bin/sh -c 'echo remote greeter ${version} on $(hostname); exec sleep infinity'

[Install]
WantedBy=multi-user.target default.target
`;

describe("operations on hosts reached over ssh", () => {
  let web1: Container;
  let web2: Container;
  let lab: SshLab;
  let context: OperationContext;
  let silent: string;
  const run = (name: string, host: HostArgument, args: Record<string, unknown>) =>
    executeOperation(context, `unitsmith.systemd.${name}`, { host, ...args });
  const journalWith = (host: HostArgument, args: Record<string, unknown>, text: string) =>
    pollUntil(`"${text}" in the journal of ${JSON.stringify(host)}`, Date.now() + 60_000, async () => {
      const answer = await run("journal", host, args);
      return answer.ok && "output" in answer && answer.output.includes(text) ? answer : undefined;
    });

  before(
    async () => {
      [web1, web2] = await Promise.all([bootContainer({ name: "remote-a" }), bootContainer({ name: "remote-b" })]);
      lab = await createSshLab([web1!, web2!]);
      for (const container of [web1!, web2!]) {
        await lab.authorize(container, "root");
        for (const user of ["alice", "bob"]) {
          await container.addUser(user);
          await lab.authorize(container, user);
        }
        await container.run(["useradd", "--create-home", "--", "mallory"]);
        await container.writeFile("/etc/sudoers.d/bob", "bob ALL=(ALL) NOPASSWD: ALL\n", { mode: 0o440 });
      }
      silent = await lab.silentHost();
      lab.writeSshConfig(
        [
          `Host web1\n  HostName ${lab.hosts[0]!.address}\n  User root\n`,
          `Host web2\n  HostName ${lab.hosts[1]!.address}\n  User root\n`,
          `Host hangs\n  HostName ${silent}\n  User root\n`,
        ].join("\n"),
      );
      mkdirSync(`${lab.home}/work`);
      context = createOperationContext({
        policy: { isTrusted: () => true },
        exec: { prefix: lab.prefix },
        timeouts: { defaultMs: 60_000, journalMs: 30_000, connectSeconds: 3 },
      });
    },
    { timeout: bootTimeout },
  );

  after(
    async () => {
      await lab?.stop();
      await Promise.all([web1?.stop(), web2?.stop()]);
    },
    { timeout: testTimeout },
  );

  /** A unit file in the operator's workspace (this machine's files, as the editor has them). */
  function workspaceFile(name: string, text: string): string {
    const path = `${lab.home}/work/${name}`;
    writeFileSync(path, text);
    return `file://${path}`;
  }

  test(
    "system scope as root: install, status, stop, start, restart, disable, enable, journal, cat, override, uninstall",
    { timeout: testTimeout },
    async () => {
      const web = { ssh: "web1" };
      const uri = workspaceFile("greeter.service", greeter(1));
      const installed = expectOk(await run("install", web, { uri, scope: "system", enable: true, start: true })) as InstallResult;
      assert.equal(installed.path, "/etc/systemd/system/greeter.service");
      assert.equal(await web1.readFile("/etc/systemd/system/greeter.service"), greeter(1));
      assert.equal((await web2.run(["test", "-e", "/etc/systemd/system/greeter.service"])).code, 1, "only web1 has it");
      assert.equal(installed.state?.run, "running");
      assert.equal(installed.state?.enablement, "enabled");
      const leftovers = await web1.run(["find", "/etc/systemd/system", "-maxdepth", "1", "-name", ".unitsmith.*"]);
      assert.equal(leftovers.stdout, "", "the temporary file was renamed into place");

      const status = expectOk(await run("status", web, { unit: "greeter.service", scope: "system" })) as { output: string };
      assert.match(status.output, /Active: active \(running\)/);
      for (const [action, run_, enablement] of [
        ["stop", "stopped", "enabled"],
        ["start", "running", "enabled"],
        ["restart", "running", "enabled"],
        ["disable", "running", "disabled"],
        ["enable", "running", "enabled"],
      ] as const) {
        const answer = expectOk(await run(action, web, { unit: "greeter.service", scope: "system" })) as UnitActionResult;
        assert.equal(answer.changed, true, action);
        assert.equal(answer.state.run, run_, action);
        assert.equal(answer.state.enablement, enablement, action);
      }
      const inside = await web1.run(["systemctl", "is-active", "greeter.service"]);
      assert.equal(inside.stdout.trim(), "active", "web1's own systemd agrees");
      await journalWith(web, { unit: "greeter.service", scope: "system" }, `remote greeter 1 on ${web1.machine}`);

      const cat = expectOk(await run("cat", web, { unit: "greeter.service", scope: "system" })) as { text: string; files: string[] };
      assert.deepEqual(cat.files, ["/etc/systemd/system/greeter.service"]);
      const override = expectOk(await run("override", web, { unit: "greeter.service", scope: "system" })) as {
        path: string;
        created: boolean;
        text: string;
      };
      assert.deepEqual([override.path, override.created, override.text], ["/etc/systemd/system/greeter.service.d/override.conf", true, ""]);
      expectOk(
        await run("writeOverride", web, { unit: "greeter.service", scope: "system", text: "[Unit]\nDescription=Overridden over ssh\n" }),
      );
      const effective = expectOk(await run("cat", web, { unit: "greeter.service", scope: "system" })) as { files: string[]; text: string };
      assert.deepEqual(effective.files, ["/etc/systemd/system/greeter.service", "/etc/systemd/system/greeter.service.d/override.conf"]);
      const described = expectOk(await run("status", web, { unit: "greeter.service", scope: "system" })) as {
        state: { description: string };
      };
      assert.equal(described.state.description, "Overridden over ssh", "writeOverride reloaded the manager");

      const changedUri = workspaceFile("greeter.service", greeter(2));
      const refused = expectFailure(await run("install", web, { uri: changedUri, scope: "system", start: true }), "needs-confirmation");
      assert.equal(refused.path, "/etc/systemd/system/greeter.service");
      assert.equal(await web1.readFile("/etc/systemd/system/greeter.service"), greeter(1), "not overwritten without asking");
      const replaced = expectOk(
        await run("install", web, { uri: changedUri, scope: "system", start: true, overwrite: true }),
      ) as InstallResult;
      assert.match(replaced.message, /Restarted greeter\.service/);
      await journalWith(web, { unit: "greeter.service", scope: "system" }, "remote greeter 2");

      const removed = expectOk(await run("uninstall", web, { unit: "greeter.service", scope: "system" })) as { removed: string };
      assert.equal(removed.removed, "/etc/systemd/system/greeter.service");
      assert.equal((await web1.run(["systemctl", "is-active", "greeter.service"])).stdout.trim(), "inactive");
    },
  );

  test("user scope: the remote account's own units, install to uninstall", { timeout: testTimeout }, async () => {
    const alice = { ssh: "alice@web2" };
    const uri = workspaceFile("hello.service", greeter(7));
    const installed = expectOk(await run("install", alice, { uri, scope: "user", enable: true, start: true })) as InstallResult;
    assert.equal(installed.path, ".config/systemd/user/hello.service", "in the account's home");
    assert.equal(await web2.readFile("/home/alice/.config/systemd/user/hello.service"), greeter(7));
    const owner = await web2.run(["stat", "--format=%U", "--", "/home/alice/.config/systemd/user/hello.service"]);
    assert.equal(owner.stdout.trim(), "alice");
    assert.equal(installed.state?.run, "running");
    for (const [action, state] of [
      ["stop", "stopped"],
      ["start", "running"],
      ["restart", "running"],
    ] as const) {
      const answer = expectOk(await run(action, alice, { unit: "hello.service", scope: "user" })) as UnitActionResult;
      assert.equal(answer.state.run, state, action);
    }
    for (const action of ["disable", "enable"]) {
      const answer = expectOk(await run(action, alice, { unit: "hello.service", scope: "user" })) as UnitActionResult;
      assert.equal(answer.changed, true, action);
    }
    const status = expectOk(await run("status", alice, { unit: "hello.service", scope: "user" })) as { output: string };
    assert.match(status.output, /Active: active \(running\)/);
    await journalWith(alice, { unit: "hello.service", scope: "user" }, `remote greeter 7 on ${web2.machine}`);
    expectOk(await run("override", alice, { unit: "hello.service", scope: "user" }));
    expectOk(await run("writeOverride", alice, { unit: "hello.service", scope: "user", text: "[Service]\nEnvironment=X=1\n" }));
    const cat = expectOk(await run("cat", alice, { unit: "hello.service", scope: "user" })) as { files: string[] };
    assert.deepEqual(cat.files, [
      "/home/alice/.config/systemd/user/hello.service",
      "/home/alice/.config/systemd/user/hello.service.d/override.conf",
    ]);
    const list = expectOk(await run("list", alice, { scope: "user" })) as { units: { unit: string; run?: string }[] };
    assert.equal(list.units.find((each) => each.unit === "hello.service")?.run, "running");
    const removed = expectOk(await run("uninstall", alice, { unit: "hello.service", scope: "user" })) as { removed: string };
    assert.equal(removed.removed, ".config/systemd/user/hello.service");
    assert.equal((await web2.run(["test", "-e", "/home/alice/.config/systemd/user/hello.service"])).code, 1);
  });

  test(
    "sudo on the remote side only when asked: without it a user gets needs-privilege, with it the change is made",
    { timeout: testTimeout },
    async () => {
      const uri = workspaceFile("sudoed.service", greeter(3));
      const without = expectFailure(await run("install", { ssh: "bob@web2" }, { uri, scope: "system", start: true }), "needs-privilege");
      assert.match(without.message, /bob@web2/);
      assert.equal((await web2.run(["test", "-e", "/etc/systemd/system/sudoed.service"])).code, 1, "nothing written");
      const withSudo = { ssh: "bob@web2", sudo: true };
      const installed = expectOk(await run("install", withSudo, { uri, scope: "system", start: true })) as InstallResult;
      assert.equal(installed.state?.run, "running");
      const owner = await web2.run(["stat", "--format=%U", "--", "/etc/systemd/system/sudoed.service"]);
      assert.equal(owner.stdout.trim(), "root");
      await journalWith(withSudo, { unit: "sudoed.service", scope: "system" }, "remote greeter 3");
      const stopped = expectFailure(await run("stop", { ssh: "bob@web2" }, { unit: "sudoed.service", scope: "system" }), "needs-privilege");
      assert.match(stopped.message, /sudo/);
      assert.equal((await web2.run(["systemctl", "is-active", "sudoed.service"])).stdout.trim(), "active");
      expectOk(await run("uninstall", withSudo, { unit: "sudoed.service", scope: "system" }));
    },
  );

  test("a host that hangs times out with a clear message while the others answer", { timeout: testTimeout }, async () => {
    const [hung, answered] = await Promise.all([
      run("list", { ssh: "hangs" }, { scope: "user" }),
      run("list", { ssh: "web2" }, { scope: "system" }),
    ]);
    const failure = expectFailure(hung, "host-unreachable");
    assert.match(failure.message, /Could not reach hangs: .*(timed out|banner)/i);
    expectOk(answered);
    // systemctl --host has no connect timeout of its own: the command's timeout stops it.
    const impatient = { ...context, timeouts: { ...context.timeouts, defaultMs: 5_000 } };
    const hungSystem = expectFailure(
      await executeOperation(impatient, "unitsmith.systemd.status", { host: { ssh: "hangs" }, unit: "ssh.service", scope: "system" }),
      "timed-out",
    );
    assert.match(hungSystem.message, /^hangs did not answer in time/);
  });

  test("a host that refuses the key: host-unreachable, saying so", { timeout: testTimeout }, async () => {
    for (const scope of ["system", "user"]) {
      const failure = expectFailure(await run("list", { ssh: "mallory@web1" }, { scope }), "host-unreachable");
      assert.match(failure.message, /^Could not reach mallory@web1: .*Permission denied \(publickey/, scope);
    }
  });

  test("a destination that could be an ssh option is refused before anything runs", { timeout: testTimeout }, async () => {
    const failure = expectFailure(await run("list", { ssh: "-oProxyCommand=touch /tmp/x" }, { scope: "system" }), "invalid-argument");
    assert.equal(failure.argv, undefined);
  });
});
