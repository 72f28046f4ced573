// The unitsmith.systemd.* operations against a real systemd booted in a container: as root for
// system units, as an unprivileged user for that user's own units. The operations run exactly as
// the server runs them; only the exec prefix (nsenter into the container) and the file root differ.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { executeOperation } from "../../server/src/operations/commands";
import { createOperationContext, type OperationContext } from "../../server/src/operations/context";
import type { InstallResult, ListResult, StatusResult, UnitActionResult } from "../../server/src/protocol/operationResults";
import { hostFiles } from "../../server/src/systemd/unitFiles";
import { expectFailure, expectOk } from "./harness/answers";
import { bootContainer, type Container } from "./harness/container";
import { pollUntil } from "./harness/poll";

const bootTimeout = 15 * 60_000;
const testTimeout = 120_000;
const trusted = { isTrusted: () => true };

const greeter = (version: number) => `[Unit]
Description=Greeter v${version}

[Service]
Environment=VERSION=${version}
ExecStart=/bin/sh -c 'echo greeter version $VERSION; exec sleep infinity'

[Install]
WantedBy=multi-user.target default.target
`;

const failing = `[Unit]
Description=Fails at once

[Service]
ExecStart=/bin/sh -c 'echo about to fail with status 3; exit 3'
`;

/** The container's files, through its PID 1's root directory as the host sees it. */
function containerFiles(container: Container) {
  assert.ok(container.pid > 1, "a container PID 1 seen from the host");
  return hostFiles(`/proc/${container.pid}/root`);
}

describe("unit operations against a real systemd", () => {
  let container: Container;
  let root: OperationContext;
  const run = (context: OperationContext, name: string, args: unknown) => executeOperation(context, `unitsmith.systemd.${name}`, args);
  const system = (name: string, args: Record<string, unknown> = {}) => run(root, name, { scope: "system", ...args });

  /** journalctl shows an entry a moment after the service wrote it. */
  const journalWith = (context: OperationContext, args: Record<string, unknown>, text: string) =>
    pollUntil(`"${text}" in the journal`, Date.now() + 30_000, async () => {
      const answer = await run(context, "journal", args);
      return answer.ok && "output" in answer && answer.output.includes(text) ? answer : undefined;
    });

  before(
    async () => {
      container = await bootContainer({ name: "operations" });
      root = createOperationContext({
        policy: trusted,
        exec: container.execPrefix(),
        files: containerFiles(container),
        directories: { system: "/etc/systemd/system", user: "/root/.config/systemd/user" },
      });
    },
    { timeout: bootTimeout },
  );

  after(() => container?.stop(), { timeout: testTimeout });

  test("a unit name with shell metacharacters is refused before anything runs", { timeout: testTimeout }, async () => {
    const failure = expectFailure(await system("start", { unit: "app; rm -rf /" }), "invalid-argument");
    assert.match(failure.message, /not a valid unit name/);
    assert.equal(failure.argv, undefined);
  });

  test("install copies the file, reloads, enables and starts it; a second install changes nothing", { timeout: testTimeout }, async () => {
    await container.writeFile("/srv/greeter/greeter.service", greeter(1));
    const installed = expectOk(
      await system("install", { uri: "file:///srv/greeter/greeter.service", enable: true, start: true }),
    ) as InstallResult;
    assert.equal(installed.path, "/etc/systemd/system/greeter.service");
    assert.equal(installed.changed, true);
    assert.equal(await container.readFile("/etc/systemd/system/greeter.service"), greeter(1));
    assert.deepEqual(
      installed.ran.map((argv) => argv.slice(3).join(" ")),
      ["daemon-reload", "enable -- greeter.service", "start -- greeter.service"],
    );
    assert.equal(installed.state?.run, "running");
    assert.equal(installed.state?.enablement, "enabled");

    const again = expectOk(
      await system("install", { uri: "file:///srv/greeter/greeter.service", enable: true, start: true }),
    ) as InstallResult;
    assert.equal(again.changed, false);
    assert.deepEqual(again.ran, [], "an unchanged file needs no daemon-reload, and nothing else runs");
    assert.equal(
      again.message,
      "/etc/systemd/system/greeter.service is already this file. greeter.service is already enabled. greeter.service is already running this file.",
    );
  });

  test("status shows systemctl's text and the parsed state", { timeout: testTimeout }, async () => {
    const status = expectOk(await system("status", { unit: "greeter.service" })) as StatusResult;
    assert.match(status.output, /Active: active \(running\)/);
    assert.equal(status.state.run, "running");
    assert.equal(status.state.fragmentPath, "/etc/systemd/system/greeter.service");
    assert.equal(status.state.description, "Greeter v1");
  });

  test("start and enable are idempotent on a running, enabled unit", { timeout: testTimeout }, async () => {
    for (const action of ["start", "enable", "enableNow"]) {
      const answer = expectOk(await system(action, { unit: "greeter.service" })) as { changed: boolean; ran: string[][] };
      assert.equal(answer.changed, false, action);
      assert.deepEqual(answer.ran, [], action);
    }
  });

  test(
    "a different file of the same name needs confirmation; with overwrite the running unit restarts",
    { timeout: testTimeout },
    async () => {
      await container.writeFile("/srv/greeter/greeter.service", greeter(2));
      const refused = expectFailure(
        await system("install", { uri: "file:///srv/greeter/greeter.service", start: true }),
        "needs-confirmation",
      );
      assert.equal(refused.path, "/etc/systemd/system/greeter.service");
      assert.equal(await container.readFile("/etc/systemd/system/greeter.service"), greeter(1), "the installed file is untouched");

      const replaced = expectOk(
        await system("install", { uri: "file:///srv/greeter/greeter.service", start: true, overwrite: true }),
      ) as InstallResult;
      assert.match(replaced.message, /Restarted greeter\.service/);
      assert.deepEqual(
        replaced.ran.map((argv) => argv.slice(3).join(" ")),
        ["daemon-reload", "restart -- greeter.service"],
        "one daemon-reload for the new file",
      );
      assert.equal(replaced.state?.description, "Greeter v2");
      await journalWith(root, { unit: "greeter.service", scope: "system" }, "greeter version 2");
    },
  );

  test("cat shows the loaded file; override makes the drop-in once", { timeout: testTimeout }, async () => {
    const cat = expectOk(await system("cat", { unit: "greeter.service" })) as { text: string; files: string[] };
    assert.deepEqual(cat.files, ["/etc/systemd/system/greeter.service"]);
    assert.match(cat.text, /Description=Greeter v2/);
    const made = expectOk(await system("override", { unit: "greeter.service" })) as { path: string; created: boolean };
    assert.deepEqual(made, {
      ok: true,
      unit: "greeter.service",
      scope: "system",
      path: "/etc/systemd/system/greeter.service.d/override.conf",
      created: true,
    });
    const found = expectOk(await system("override", { unit: "greeter.service" })) as { created: boolean };
    assert.equal(found.created, false);
    await container.writeFile("/etc/systemd/system/greeter.service.d/override.conf", "[Unit]\nDescription=Greeter overridden\n");
    expectOk(await system("daemonReload"));
    const status = expectOk(await system("status", { unit: "greeter.service" })) as {
      state: { description: string; dropInPaths: string[] };
    };
    assert.equal(status.state.description, "Greeter overridden");
    assert.deepEqual(status.state.dropInPaths, ["/etc/systemd/system/greeter.service.d/override.conf"]);
  });

  test("a unit file changed behind systemd's back (NeedDaemonReload=yes): the action reloads first", { timeout: testTimeout }, async () => {
    await container.writeFile("/etc/systemd/system/greeter.service.d/override.conf", "[Unit]\nDescription=Greeter edited by hand\n");
    const stale = expectOk(await system("status", { unit: "greeter.service" })) as StatusResult;
    assert.equal(stale.state.needsDaemonReload, true, "systemd reports NeedDaemonReload=yes");
    const restarted = expectOk(await system("restart", { unit: "greeter.service" })) as UnitActionResult;
    assert.deepEqual(
      restarted.ran.map((argv) => argv.slice(3).join(" ")),
      ["daemon-reload", "restart -- greeter.service"],
    );
    assert.equal(restarted.state?.description, "Greeter edited by hand");
    assert.equal(restarted.state?.needsDaemonReload, false);
  });

  test("a masked unit: start and enable are refused with the way out, and nothing runs", { timeout: testTimeout }, async () => {
    assert.equal((await container.run(["systemctl", "mask", "--", "masked-demo.service"])).code, 0);
    for (const action of ["start", "enable", "enableNow"]) {
      const refused = expectFailure(await system(action, { unit: "masked-demo.service" }), "unexpected-state");
      assert.match(
        refused.message,
        /^masked-demo\.service is masked, so systemd will not .*; unmask it first \(systemctl unmask masked-demo\.service\)\.$/,
      );
    }
    const disabled = expectOk(await system("disable", { unit: "masked-demo.service" })) as {
      changed: boolean;
      ran: string[][];
      message: string;
    };
    assert.deepEqual(
      [disabled.changed, disabled.ran, disabled.message],
      [false, [], "masked-demo.service is masked, so it is not enabled."],
    );
    assert.equal((await container.run(["systemctl", "unmask", "--", "masked-demo.service"])).code, 0);
  });

  test("a static unit has nothing to enable or disable, and says so", { timeout: testTimeout }, async () => {
    await container.writeFile("/etc/systemd/system/static-demo.service", "[Service]\nType=oneshot\nExecStart=/bin/true\n");
    for (const action of ["enable", "disable"]) {
      const answer = expectOk(await system(action, { unit: "static-demo.service" })) as {
        changed: boolean;
        ran: string[][];
        message: string;
      };
      assert.deepEqual(
        [answer.changed, answer.ran.filter((argv) => !argv.includes("daemon-reload")), answer.message],
        [false, [], "static-demo.service is static: it has no [Install] section, so there is nothing to enable or disable."],
        action,
      );
    }
  });

  test("list includes the installed unit with its states and file", { timeout: testTimeout }, async () => {
    const list = expectOk(await system("list")) as ListResult;
    const greeterEntry = list.units.find((unit) => unit.unit === "greeter.service");
    assert.deepEqual(greeterEntry && [greeterEntry.run, greeterEntry.enablement, greeterEntry.fragmentPath], [
      "running",
      "enabled",
      "/etc/systemd/system/greeter.service",
    ]);
    assert.ok(list.units.some((unit) => unit.unit === "getty@.service" && unit.template));
    // Aliases (sshd.service for ssh.service) show as the unit they name: each unit once, or a tree that keys rows by name breaks.
    const names = list.units.map((unit) => unit.unit);
    assert.deepEqual(
      names.filter((name, index) => names.indexOf(name) !== index),
      [],
    );
  });

  test("a unit that fails: start reports it and its journal shows why; reset-failed clears it", { timeout: testTimeout }, async () => {
    await container.writeFile("/srv/failing/failing.service", failing);
    const installed = expectOk(await system("install", { uri: "file:///srv/failing/failing.service", start: true })) as {
      state: { failed: boolean; run: string };
    };
    // Type=simple: start succeeds, then the process exits 3 a moment later.
    const failed = await pollUntil("failing.service to fail", Date.now() + 30_000, async () => {
      const status = await system("status", { unit: "failing.service" });
      return status.ok && "state" in status && status.state?.failed ? status : undefined;
    });
    assert.ok(installed.state.run);
    assert.match((failed as { output: string }).output, /status=3/);
    const journal = (await journalWith(root, { unit: "failing.service", scope: "system", lines: 50 }, "about to fail")) as {
      followArgv: string[];
    };
    assert.deepEqual(journal.followArgv.slice(-1), ["--follow"]);
    const reset = expectOk(await system("resetFailed", { unit: "failing.service" })) as { changed: boolean; state: { failed: boolean } };
    assert.equal(reset.changed, true);
    assert.equal(reset.state.failed, false);
  });

  test(
    "an unprivileged user starting a system unit gets needs-privilege with the argv to run with sudo",
    { timeout: testTimeout },
    async () => {
      await container.addUser("bob");
      const bob = createOperationContext({ policy: trusted, exec: container.execPrefix("bob"), files: containerFiles(container) });
      // failing.service is stopped (reset above), so start has something to do and systemd refuses bob.
      const denied = expectFailure(await run(bob, "start", { unit: "failing.service", scope: "system" }), "needs-privilege");
      assert.equal(denied.needsPrivilege, true);
      assert.deepEqual(denied.argv, ["systemctl", "--no-ask-password", "--no-pager", "start", "--", "failing.service"]);
      assert.match(denied.message, /Access denied/);
      const stopping = expectFailure(await run(bob, "stop", { unit: "greeter.service", scope: "system" }), "needs-privilege");
      assert.deepEqual(stopping.argv?.slice(3), ["stop", "--", "greeter.service"]);
      const still = expectOk(await system("status", { unit: "greeter.service" })) as { state: { run: string } };
      assert.equal(still.state.run, "running");
    },
  );

  test("stop, disable and uninstall; afterwards the unit is gone", { timeout: testTimeout }, async () => {
    const stopped = expectOk(await system("stop", { unit: "greeter.service" })) as { changed: boolean; state: { run: string } };
    assert.deepEqual([stopped.changed, stopped.state.run], [true, "stopped"]);
    const again = expectOk(await system("stop", { unit: "greeter.service" })) as { changed: boolean };
    assert.equal(again.changed, false);
    const disabled = expectOk(await system("disable", { unit: "greeter.service" })) as { changed: boolean; state: { enablement: string } };
    assert.deepEqual([disabled.changed, disabled.state.enablement], [true, "disabled"]);

    const removed = expectOk(await system("uninstall", { unit: "greeter.service" })) as { removed: string; changed: boolean };
    assert.deepEqual([removed.removed, removed.changed], ["/etc/systemd/system/greeter.service", true]);
    expectFailure(await system("status", { unit: "greeter.service" }), "unit-not-found");
    // The drop-in directory was the user's, not install's: it stays.
    assert.equal((await container.run(["test", "-f", "/etc/systemd/system/greeter.service.d/override.conf"])).code, 0);
    expectOk(await system("uninstall", { unit: "failing.service" }));
  });

  test("a user's own unit: installed in ~/.config/systemd/user and run by the user's manager", { timeout: testTimeout }, async () => {
    const alice = await container.addUser("alice");
    await container.run(["mkdir", "-p", `${alice.home}/.config/systemd/user`, `${alice.home}/src`], { user: "alice" });
    await container.writeFile(`${alice.home}/src/greeter.service`, greeter(7), { user: "alice" });
    const context = createOperationContext({
      policy: trusted,
      exec: container.execPrefix("alice"),
      files: containerFiles(container),
      directories: { system: "/etc/systemd/system", user: `${alice.home}/.config/systemd/user` },
    });
    const user = (name: string, args: Record<string, unknown>) => run(context, name, { scope: "user", ...args });

    const installed = expectOk(await user("install", { uri: `file://${alice.home}/src/greeter.service`, enable: true, start: true })) as {
      path: string;
      state: { run: string };
    };
    assert.equal(installed.path, `${alice.home}/.config/systemd/user/greeter.service`);
    assert.equal(installed.state.run, "running");
    await journalWith(context, { unit: "greeter.service", scope: "user" }, "greeter version 7");
    // The system manager does not know alice's unit.
    expectFailure(await system("status", { unit: "greeter.service" }), "unit-not-found");

    const restarted = expectOk(await user("restart", { unit: "greeter.service" })) as { changed: boolean; message: string };
    assert.deepEqual([restarted.changed, restarted.message], [true, "Restarted greeter.service."]);
    const removed = expectOk(await user("uninstall", { unit: "greeter.service" })) as { removed: string; message: string };
    assert.equal(removed.removed, `${alice.home}/.config/systemd/user/greeter.service`);
    assert.match(removed.message, /Stopped greeter\.service\. Disabled greeter\.service\./);
    expectFailure(await user("status", { unit: "greeter.service" }), "unit-not-found");
  });
});
