// Why a unit failed, on its line: units broken on purpose, one per cause, started in a real
// systemd; "Explain Failure" reads the run's result and journal and must put the error on the
// line that caused it.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { executeOperation } from "../../server/src/operations/commands";
import { createOperationContext, type OperationContext } from "../../server/src/operations/context";
import type { ExplainFailureResult } from "../../server/src/protocol/operationResults";
import { hostFiles } from "../../server/src/systemd/unitFiles";
import { bootContainer, type Container } from "./harness/container";
import { pollUntil } from "./harness/poll";

const bootTimeout = 15 * 60_000;
const testTimeout = 120_000;
const UNITS = "/etc/systemd/system";

interface Broken {
  name: string;
  text: string;
  /** The start of the line the diagnostic must be on, and the file when it is a drop-in. */
  line: string;
  dropIn?: { name: string; text: string };
  cause: string | RegExp;
  message: RegExp;
  /** A property that says systemd is done with it, besides ActiveState=failed. */
  settled?: [string, string];
}

const service = (body: string, unit = "") => `[Unit]\nDescription=Broken on purpose\n${unit}\n[Service]\n${body}\n`;

const BROKEN: Broken[] = [
  {
    name: "exec-missing",
    text: service("Type=simple\nExecStart=/usr/local/bin/not-there --serve\n"),
    line: "ExecStart=",
    cause: "203/EXEC",
    message: /\/usr\/local\/bin\/not-there could not be executed: No such file or directory/,
  },
  {
    name: "exec-denied",
    text: service("ExecStart=/srv/broken/not-executable\n"),
    line: "ExecStart=",
    cause: "203/EXEC",
    message: /Permission denied/,
  },
  {
    name: "pre-missing",
    text: service("ExecStartPre=/bin/true\nExecStartPre=/usr/local/bin/prepare-missing\nExecStart=/bin/sleep infinity\n"),
    line: "ExecStartPre=/usr/local/bin/prepare-missing",
    cause: "203/EXEC",
    message: /prepare-missing could not be executed/,
  },
  {
    name: "no-user",
    text: service("User=ghost-user\nExecStart=/bin/true\n"),
    line: "User=",
    cause: "217/USER",
    message: /looking up the user/,
  },
  { name: "no-group", text: service("Group=ghost-group\nExecStart=/bin/true\n"), line: "Group=", cause: "216/GROUP", message: /group/ },
  {
    name: "no-dir",
    text: service("WorkingDirectory=/srv/no-such-dir\nExecStart=/bin/true\n"),
    line: "WorkingDirectory=",
    cause: "200/CHDIR",
    message: /working directory/,
  },
  {
    name: "namespace",
    text: service("ProtectSystem=full\nReadWritePaths=/var/tmp\nReadOnlyPaths=/srv/missing-path\nExecStart=/bin/true\n"),
    line: "ReadOnlyPaths=",
    cause: "226/NAMESPACE",
    message: /mount namespace.*\/srv\/missing-path/,
  },
  {
    name: "stdout",
    text: service("StandardOutput=file:/srv/no-such-dir/out.log\nExecStart=/bin/true\n"),
    line: "StandardOutput=",
    cause: "209/STDOUT",
    message: /standard output/,
  },
  {
    name: "credential",
    text: service("LoadCredential=token:/srv/no-such-token\nExecStart=/bin/true\n"),
    line: "LoadCredential=",
    cause: "243/CREDENTIALS",
    message: /credentials/,
  },
  {
    name: "exit-code",
    text: service("ExecStart=/bin/sh -c 'echo reading settings; echo settings file is broken >&2; exit 3'\n"),
    line: "ExecStart=",
    cause: "exit status 3",
    message: /exited with status 3.*"settings file is broken"/,
  },
  {
    name: "killed",
    text: service("ExecStart=/bin/sh -c 'kill -KILL $$$$'\n"),
    line: "ExecStart=",
    cause: "signal KILL",
    message: /killed by signal KILL/,
  },
  {
    name: "start-timeout",
    text: service("Type=oneshot\nTimeoutStartSec=1\nExecStart=/bin/sleep 30\n"),
    line: "TimeoutStartSec=",
    cause: "timeout",
    message: /starting it took longer than TimeoutStartSec= \(TimeoutStartSec=1\)/,
  },
  {
    name: "runtime-limit",
    text: service("RuntimeMaxSec=1\nExecStart=/bin/sleep infinity\n"),
    line: "RuntimeMaxSec=",
    cause: "timeout",
    message: /RuntimeMaxSec=/,
  },
  {
    name: "restart-loop",
    text: service(
      "ExecStart=/bin/sh -c 'echo giving up; exit 1'\nRestart=always\nRestartSec=100ms\n",
      "StartLimitBurst=3\nStartLimitIntervalSec=30",
    ),
    line: "Restart=",
    cause: "start-limit-hit",
    message: /more than 3 times within 30.*Restart=always.*exited with status 1/,
    settled: ["NRestarts", "3"],
  },
  {
    name: "drop-in-user",
    text: service("ExecStart=/bin/true\n"),
    dropIn: { name: "run-as.conf", text: "[Service]\nUser=nobody-such\n" },
    line: "User=",
    cause: "217/USER",
    message: /user/,
  },
];

/** The file the diagnostic must be in, and the 0-based line of it that starts with `broken.line`. */
function expectedPlace(broken: Broken): { path: string; line: number } {
  const path = broken.dropIn ? `${UNITS}/${broken.name}.service.d/${broken.dropIn.name}` : `${UNITS}/${broken.name}.service`;
  const text = broken.dropIn ? broken.dropIn.text : broken.text;
  const line = text.split("\n").findIndex((each) => each.startsWith(broken.line));
  assert.ok(line >= 0, `${broken.name}: the unit has a line starting with ${broken.line}`);
  return { path, line };
}

describe("Explain Failure against a real systemd", () => {
  let container: Container;
  let context: OperationContext;
  const explain = async (unit: string) => {
    const answer = await executeOperation(context, "unitsmith.systemd.explainFailure", { unit, scope: "system" });
    if (!answer.ok) assert.fail(`explainFailure ${unit}: ${JSON.stringify(answer)}`);
    return answer as ExplainFailureResult;
  };
  const show = async (unit: string, property: string) =>
    (await container.run(["systemctl", "show", `--property=${property}`, "--value", "--", unit])).stdout.trim();

  before(
    async () => {
      container = await bootContainer({ name: "failures" });
      context = createOperationContext({
        policy: { isTrusted: () => true },
        exec: container.execPrefix(),
        files: hostFiles(`/proc/${container.pid}/root`),
        directories: { system: UNITS, user: "/root/.config/systemd/user" },
      });
      await container.writeFile("/srv/broken/not-executable", "#!/bin/sh\necho never\n", { mode: 0o644 });
      for (const broken of BROKEN) {
        await container.writeFile(`${UNITS}/${broken.name}.service`, broken.text);
        if (broken.dropIn) await container.writeFile(`${UNITS}/${broken.name}.service.d/${broken.dropIn.name}`, broken.dropIn.text);
      }
      await container.run(["systemctl", "daemon-reload"]);
      // Started all at once, without waiting for the jobs: the timeouts run side by side.
      await container.run(["systemctl", "start", "--no-block", "--", ...BROKEN.map((broken) => `${broken.name}.service`)]);
    },
    { timeout: bootTimeout },
  );

  after(() => container?.stop(), { timeout: testTimeout });

  for (const broken of BROKEN) {
    test(`${broken.name}: ${String(broken.cause)} on ${broken.line}`, { timeout: testTimeout }, async () => {
      const unit = `${broken.name}.service`;
      await pollUntil(
        `${unit} to fail`,
        Date.now() + 90_000,
        async () =>
          (await show(unit, "ActiveState")) === "failed" && (!broken.settled || (await show(unit, broken.settled[0])) === broken.settled[1])
            ? true
            : undefined,
        250,
      );
      // What the program wrote can reach journald after PID 1 has marked the unit failed.
      await container.run(["journalctl", "--sync"]);
      const answer = await explain(unit);
      assert.equal(answer.failed, true, answer.message);
      if (typeof broken.cause === "string") assert.equal(answer.cause, broken.cause, answer.message);
      else assert.match(answer.cause ?? "", broken.cause);
      const place = expectedPlace(broken);
      assert.equal(answer.diagnostics.length, 1, JSON.stringify(answer.diagnostics));
      const [only] = answer.diagnostics;
      assert.equal(only!.uri, `file://${place.path}`);
      const [diagnostic] = only!.diagnostics;
      assert.equal(diagnostic!.range.start.line, place.line, `${answer.message}\njournal:\n${answer.journal.join("\n")}`);
      assert.equal(diagnostic!.code, answer.cause);
      assert.match(String(diagnostic!.message), broken.message, `journal:\n${answer.journal.join("\n")}`);
    });
  }

  test("a unit that did not fail has nothing to explain", { timeout: testTimeout }, async () => {
    await container.writeFile(`${UNITS}/healthy.service`, service("ExecStart=/bin/sleep infinity\n"));
    await container.run(["systemctl", "daemon-reload"]);
    await container.run(["systemctl", "start", "healthy.service"]);
    const answer = await explain("healthy.service");
    assert.equal(answer.failed, false);
    assert.deepEqual(answer.diagnostics, []);
    assert.match(answer.message, /did not fail \(it is active\)/);
  });

  test("a failed unit started again explains nothing once it runs", { timeout: testTimeout }, async () => {
    const unit = "exit-code.service";
    await pollUntil(
      `${unit} to fail`,
      Date.now() + 90_000,
      async () => ((await show(unit, "ActiveState")) === "failed" ? true : undefined),
      250,
    );
    await container.writeFile(`${UNITS}/${unit}`, service("ExecStart=/bin/sleep infinity\n"));
    await container.run(["systemctl", "daemon-reload"]);
    await container.run(["systemctl", "start", unit]);
    assert.equal((await explain(unit)).failed, false);
  });
});
