import assert from "node:assert/strict";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { after, describe, test } from "node:test";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { createConnection } from "vscode-languageserver/node";
import { executeOperation, registerOperations } from "../../src/operations/commands";
import { COMMAND_IDS } from "../../src/protocol/commands";
import { createOperationContext, type ContextOptions } from "../../src/operations/context";
import type { OperationFailure, SecurityResult } from "../../src/protocol/operationResults";
import { hostFiles } from "../../src/systemd/unitFiles";
import { hangWithChild, pidsIn, survivorsOf, untilExists } from "../systemd/liveProcesses";

const work = mkdtempSync(join(tmpdir(), "unitsmith-operations-"));
after(() => rmSync(work, { recursive: true, force: true }));
const fixture = (name: string) => readFileSync(join(__dirname, "../systemd/fixtures", name), "utf8");
const trusted = { isTrusted: () => true };

/** A fake systemctl for the test, first on PATH: a shell script that logs its argv and does `script`. */
function fakeSystemctl(name: string, script: string): ContextOptions["exec"] {
  const bin = join(work, name);
  rmSync(bin, { recursive: true, force: true });
  mkdirSync(bin);
  writeFileSync(
    join(bin, "systemctl"),
    `#!/bin/sh\necho "$$ start $*" >> ${join(bin, "log")}\n${script}\necho "$$ end" >> ${join(bin, "log")}\n`,
  );
  chmodSync(join(bin, "systemctl"), 0o755);
  return { env: { PATH: `${bin}:${process.env.PATH}` } };
}
const logOf = (name: string) =>
  existsSync(join(work, name, "log"))
    ? readFileSync(join(work, name, "log"), "utf8")
        .trim()
        .split("\n")
    : [];

const failure = (answer: unknown) => answer as OperationFailure;

describe("untrusted workspace", () => {
  test("every command is refused and nothing runs or is written", async () => {
    const exec = fakeSystemctl("untrusted", "exit 0");
    const root = join(work, "untrusted-root");
    const context = createOperationContext({ policy: { isTrusted: () => false }, exec, files: hostFiles(root) });
    for (const id of COMMAND_IDS) {
      const answer = failure(
        await executeOperation(context, id, { unit: "a.service", scope: "system", uri: "file:///etc/systemd/system/a.service" }),
      );
      assert.equal(answer.reason, "untrusted-workspace", id);
      assert.match(answer.message, /not trusted/);
    }
    assert.deepEqual(logOf("untrusted"), []);
    assert.equal(existsSync(root), false);
  });
});

describe("failures become clear answers", () => {
  test("a fake hung systemctl times out, child processes and all; the next operation still runs", async () => {
    const pids = join(work, "hung-pids");
    const exec = fakeSystemctl("hung", hangWithChild(pids));
    const context = createOperationContext({ policy: trusted, exec, timeouts: { defaultMs: 300, journalMs: 300, connectSeconds: 10 } });
    const answer = failure(await executeOperation(context, "unitsmith.systemd.start", { unit: "a.service", scope: "system" }));
    assert.equal(answer.reason, "timed-out");
    assert.match(answer.message, /systemctl did not finish within 0\.3 s/);
    const next = failure(await executeOperation(context, "unitsmith.systemd.stop", { unit: "a.service", scope: "system" }));
    assert.equal(next.reason, "timed-out");
    const started = await pidsIn(pids);
    assert.equal(started.length, 4, "two calls, each with a child");
    assert.deepEqual(await survivorsOf(started), []);
  });

  test("a fake hung systemctl is stopped when the request is cancelled, child processes and all", async () => {
    const pids = join(work, "cancelled-pids");
    const exec = fakeSystemctl("cancelled", hangWithChild(pids));
    const context = createOperationContext({ policy: trusted, exec });
    const controller = new AbortController();
    void untilExists(pids).then(() => controller.abort());
    const answer = failure(
      await executeOperation(context, "unitsmith.systemd.status", { unit: "a.service", scope: "user" }, controller.signal),
    );
    assert.equal(answer.reason, "cancelled");
    assert.deepEqual(await survivorsOf(await pidsIn(pids)), []);
  });

  test("the lock: a fake slow systemctl serves one operation at a time", async () => {
    const exec = fakeSystemctl("slow", `sleep 0.2; cat ${join(__dirname, "../systemd/fixtures/show-running.txt")}`);
    const context = createOperationContext({ policy: trusted, exec });
    const answers = await Promise.all(
      ["start", "status", "enable"].map((action) =>
        executeOperation(context, `unitsmith.systemd.${action}`, { unit: "demo.service", scope: "system" }),
      ),
    );
    assert.ok(
      answers.every((answer) => answer.ok),
      JSON.stringify(answers),
    );
    const log = logOf("slow");
    for (let i = 0; i < log.length; i += 2) {
      const [pid] = log[i]!.split(" ");
      assert.equal(log[i + 1], `${pid} end`, `calls overlapped:\n${log.join("\n")}`);
    }
    assert.ok(log.length >= 6);
  });

  test("systemctl that is not installed", async () => {
    const context = createOperationContext({ policy: trusted, exec: { env: { PATH: join(work, "empty") } } });
    const answer = failure(await executeOperation(context, "unitsmith.systemd.status", { unit: "a.service", scope: "system" }));
    assert.equal(answer.reason, "command-not-found");
    assert.match(answer.message, /systemctl is not installed or not on PATH/);
  });

  test("a fake systemctl on a machine without systemd (its recorded message)", async () => {
    writeFileSync(join(work, "no-systemd.txt"), fixture("stderr-no-systemd.txt"));
    const exec = fakeSystemctl("no-systemd", `cat ${join(work, "no-systemd.txt")} >&2; exit 1`);
    const context = createOperationContext({ policy: trusted, exec });
    const answer = failure(await executeOperation(context, "unitsmith.systemd.list", { scope: "system" }));
    assert.equal(answer.reason, "no-systemd");
    assert.match(answer.message, /no systemd system manager to talk to: System has not been booted with systemd/);
  });

  test("a fake systemctl denying access (its recorded message): needs-privilege with the argv to run with sudo", async () => {
    writeFileSync(join(work, "denied.txt"), fixture("stderr-access-denied.txt"));
    const show = join(__dirname, "../systemd/fixtures/show-failed.txt");
    const exec = fakeSystemctl("denied", `case "$*" in *show*) cat ${show};; *) cat ${join(work, "denied.txt")} >&2; exit 4;; esac`);
    const context = createOperationContext({ policy: trusted, exec });
    const answer = failure(await executeOperation(context, "unitsmith.systemd.start", { unit: "broken.service", scope: "system" }));
    assert.deepEqual(
      [answer.reason, answer.needsPrivilege, answer.argv],
      ["needs-privilege", true, ["systemctl", "--no-ask-password", "--no-pager", "start", "--", "broken.service"]],
    );
    assert.match(answer.message, /^Failed to start demo\.service: Access denied\. Changing system units needs root/);
  });

  test("an unknown command and a bad argument", async () => {
    const context = createOperationContext({ policy: trusted });
    assert.equal(failure(await executeOperation(context, "unitsmith.systemd.explode", {})).reason, "invalid-argument");
    assert.match(failure(await executeOperation(context, "unitsmith.systemd.start", "a.service")).message, /one object argument/);
  });
});

describe("override", () => {
  test("makes the drop-in in the scope's directory once, then finds it", async () => {
    const root = join(work, "override-root");
    const context = createOperationContext({
      policy: trusted,
      files: hostFiles(root),
      directories: { system: "/etc/systemd/system", user: "/home/u/.config/systemd/user" },
    });
    const made = await executeOperation(context, "unitsmith.systemd.override", { uri: "file:///home/u/.config/systemd/user/sync.timer" });
    assert.deepEqual(made, {
      ok: true,
      unit: "sync.timer",
      scope: "user",
      path: "/home/u/.config/systemd/user/sync.timer.d/override.conf",
      created: true,
    });
    assert.equal(readFileSync(join(root, "home/u/.config/systemd/user/sync.timer.d/override.conf"), "utf8"), "");
    writeFileSync(join(root, "home/u/.config/systemd/user/sync.timer.d/override.conf"), "[Timer]\nOnCalendar=daily\n");
    const found = await executeOperation(context, "unitsmith.systemd.override", { unit: "sync.timer", scope: "user" });
    assert.equal((found as { created: boolean }).created, false);
    assert.equal(readFileSync(join(root, "home/u/.config/systemd/user/sync.timer.d/override.conf"), "utf8"), "[Timer]\nOnCalendar=daily\n");
  });
});

describe("registerOperations over JSON-RPC", () => {
  test("answers workspace/executeCommand and logs an exception instead of failing the request", async () => {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    const errors: string[] = [];
    let trustedNow = false;
    const commands = registerOperations(server, {
      policy: {
        isTrusted: () => {
          if (trustedNow) throw new Error("policy exploded");
          return false;
        },
      },
      logger: { error: (message) => errors.push(message), info: () => undefined },
    });
    server.listen();
    const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.listen();
    try {
      assert.deepEqual(commands, COMMAND_IDS);
      assert.ok(commands.includes("unitsmith.systemd.enableNow"));
      const refused = await client.sendRequest("workspace/executeCommand", {
        command: "unitsmith.systemd.start",
        arguments: [{ unit: "a.service", scope: "system" }],
      });
      assert.equal((refused as OperationFailure).reason, "untrusted-workspace");
      trustedNow = true;
      const crashed = await client.sendRequest("workspace/executeCommand", {
        command: "unitsmith.systemd.start",
        arguments: [{ unit: "a.service", scope: "system" }],
      });
      assert.equal((crashed as OperationFailure).reason, "internal-error");
      assert.match(errors.join("\n"), /unitsmith\.systemd\.start failed: Error: policy exploded/);
    } finally {
      client.dispose();
      server.dispose();
    }
  });
});

describe("security with the installed systemd-analyze", () => {
  test("analyses the saved file and maps the failed checks to diagnostics on it", async () => {
    const path = join(work, "web.service");
    writeFileSync(path, "[Unit]\nDescription=Web\n\n[Service]\nExecStart=/usr/bin/sleep infinity\nProtectSystem=strict\n");
    const context = createOperationContext({ policy: trusted });
    const answer = await executeOperation(context, "unitsmith.systemd.security", { uri: `file://${path}` });
    assert.ok(answer.ok, JSON.stringify(answer));
    const { findings, diagnostics } = answer as SecurityResult;
    assert.equal(findings.find((finding) => finding.id === "ProtectSystem=")?.set, true);
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === "PrivateTmp=" && diagnostic.range.start.line === 3));
    assert.ok(!diagnostics.some((diagnostic) => diagnostic.code === "ProtectSystem="));
  });

  test("a file systemd refuses to load is a clear failure", async () => {
    const path = join(work, "empty.service");
    writeFileSync(path, "[Unit]\nDescription=No command\n");
    const answer = failure(
      await executeOperation(createOperationContext({ policy: trusted }), "unitsmith.systemd.security", { uri: `file://${path}` }),
    );
    assert.equal(answer.reason, "command-failed");
    assert.match(answer.message, /Service has no ExecStart=/);
  });
});
