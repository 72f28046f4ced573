import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, test } from "node:test";
import { hostFailure } from "../../src/operations/hostContext";
import { LOCAL, machineTransport, shellQuote, sshTransport } from "../../src/systemd/transport";

describe("transports", () => {
  test("a quoted argument reaches a POSIX shell as it was, quotes, spaces and all", () => {
    for (const argument of ["plain", "it's", "a b\tc", "$(touch /tmp/x)", "`id`", "'", "", "back\\slash", "semi;colon"]) {
      const echoed = spawnSync("sh", ["-c", `printf %s ${shellQuote(argument)}`], { encoding: "utf8" });
      assert.equal(echoed.stdout, argument);
    }
  });

  test("ssh: the system manager through systemctl --host, everything else as an argv over ssh", () => {
    const web = sshTransport("alice@web1", { sudo: false, connectTimeoutSeconds: 7 });
    assert.deepEqual(web.systemctl("system", ["start", "--", "a.service"]), [
      "systemctl",
      "--host=alice@web1",
      "--no-ask-password",
      "--no-pager",
      "start",
      "--",
      "a.service",
    ]);
    const ssh = ["ssh", "-T", "-o", "BatchMode=yes", "-o", "ConnectTimeout=7", "--", "alice@web1"];
    assert.deepEqual(web.systemctl("user", ["stop", "--", "a.service"]), [
      ...ssh,
      "'systemctl'",
      "'--user'",
      "'--no-ask-password'",
      "'--no-pager'",
      "'stop'",
      "'--'",
      "'a.service'",
    ]);
    // systemctl refuses cat over --host, and looks for the file here before enabling there.
    for (const verb of ["cat", "enable", "disable"]) assert.deepEqual(web.systemctl("system", [verb]).slice(0, ssh.length), ssh, verb);
    assert.deepEqual(web.program(["journalctl", "--unit=a b"], true), [...ssh, "'journalctl'", "'--unit=a b'"]);
  });

  test("ssh with sudo: system work through sudo -n there, the account's own without", () => {
    const web = sshTransport("bob@web1", { sudo: true, connectTimeoutSeconds: 10 });
    const system = web.systemctl("system", ["restart", "--", "a.service"]);
    assert.equal(system[0], "ssh");
    assert.deepEqual(system.slice(8, 12), ["'sudo'", "'-n'", "'--'", "'systemctl'"]);
    assert.equal(web.systemctl("user", ["restart"]).includes("'sudo'"), false);
    assert.equal(web.program(["cat", "--", ".config/systemd/user/a.service"], false).includes("'sudo'"), false);
  });

  test("a container of machined: --machine for the managers, systemd-run --pipe for programs", () => {
    const box = machineTransport("box", "alice");
    assert.deepEqual(box.systemctl("system", ["start", "--", "a.service"]), [
      "systemctl",
      "--machine=box",
      "--no-ask-password",
      "--no-pager",
      "start",
      "--",
      "a.service",
    ]);
    assert.deepEqual(box.systemctl("user", ["stop", "--", "a.service"]).slice(0, 3), ["systemctl", "--machine=alice@box", "--user"]);
    assert.deepEqual(box.program(["cat", "--", "/etc/x"], true), [
      "systemd-run",
      "--machine=box",
      "--quiet",
      "--pipe",
      "--wait",
      "--collect",
      "--",
      "cat",
      "--",
      "/etc/x",
    ]);
    assert.deepEqual(box.systemctl("user", ["cat", "--", "a.service"]).slice(0, 3), ["systemd-run", "--machine=alice@box", "--user"]);
  });

  test("this machine: argv as given", () => {
    assert.deepEqual(LOCAL.program(["journalctl", "-u", "x"], true), ["journalctl", "-u", "x"]);
    assert.deepEqual(LOCAL.systemctl("user", ["start"]), ["systemctl", "--user", "--no-ask-password", "--no-pager", "start"]);
  });
});

describe("when the host is the problem", () => {
  const web = sshTransport("web1", { sudo: false, connectTimeoutSeconds: 10 });
  const exited = (code: number, stderr: string) => ({ ok: true as const, code, stdout: "", stderr });

  test("ssh's own failures name the host and the reason", () => {
    const cases: [string, RegExp][] = [
      [
        "mallory@10.0.0.2: Permission denied (publickey,password).\r\n",
        /^Could not reach web1: mallory@10\.0\.0\.2: Permission denied \(publickey/,
      ],
      ["ssh: connect to host 10.0.0.2 port 22: Connection refused\n", /Connection refused/],
      ["Connection timed out during banner exchange\nConnection to 10.0.0.9 port 22 timed out\n", /banner exchange/],
      ["Host key verification failed.\n", /Host key verification failed/],
      ["ssh: Could not resolve hostname nowhere: Name or service not known\n", /Could not resolve hostname/],
    ];
    for (const [stderr, message] of cases) {
      const failure = hostFailure(web, exited(255, stderr), ["systemctl"]);
      assert.equal(failure?.reason, "host-unreachable", stderr);
      assert.match(failure!.message, message);
    }
  });

  test("under systemctl --host, ssh's line is found among systemctl's", () => {
    const stderr =
      "Permission denied, please try again.\r\nweb1: Permission denied (publickey,password).\r\nFailed to list units: Transport endpoint is not connected\n";
    assert.match(hostFailure(web, exited(1, stderr), ["systemctl"])!.message, /^Could not reach web1: web1: Permission denied \(publickey/);
  });

  test("a timeout on another host says which host; failures of the command itself are left to the command", () => {
    const timedOut = {
      ok: false as const,
      error: "timed-out" as const,
      command: "ssh",
      message: "ssh did not finish within 5 s and was stopped",
    };
    assert.match(hostFailure(web, timedOut, ["journalctl"])!.message, /^web1 did not answer in time/);
    assert.equal(hostFailure(web, exited(1, "Unit a.service not found.\n"), ["systemctl"]), undefined);
    assert.equal(hostFailure(web, exited(1, "Failed to start a.service: Access denied\n"), ["systemctl"]), undefined);
    assert.equal(hostFailure(LOCAL, timedOut, ["systemctl"]), undefined);
  });
});
