// The value kinds read against name tables and address grammars, compared line by line with what
// the installed `systemd-analyze verify` refuses: every line one side flags and the other does not
// is a failing case.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { computeDiagnostics } from "../../src/language/diagnostics";
import { parseUnitFile } from "../../src/language/parser";
import { unitKind } from "../../src/language/unitKind";
import { hasSystemdAnalyze } from "../values/systemdAnalyze";

/** Directive → values, valid and not, as systemd 252 and the generator's v262 sources agree on them. */
const SERVICE_CASES: Readonly<Record<string, readonly string[]>> = {
  StateDirectory: [
    "foo",
    "foo/bar",
    "./foo",
    "foo/",
    "foo//bar",
    "foo:bar",
    "foo::ro",
    "foo:bar:ro",
    "%N",
    "/var/lib/foo",
    "foo/../bar",
    ".",
    "foo:/bar",
    "foo:../bar",
    "%S/foo",
    "foo%z",
  ],
  RuntimeDirectory: ["app", "app/sub", "/run/app", "../app"],
  CacheDirectory: ["app", "/var/cache/app"],
  LogsDirectory: ["app", "/var/log/app"],
  ConfigurationDirectory: ["app", "/etc/app"],
  RestrictAddressFamilies: [
    "AF_UNIX AF_INET AF_INET6",
    "~AF_PACKET",
    "~ AF_UNIX",
    "none",
    "af_unix",
    "AF_NETLINK AF_VSOCK AF_ALG AF_XDP",
    "INET",
    "AF_UNIX,AF_INET",
    "AF_UNIX AF_BOGUS",
    "~none",
    "none AF_UNIX",
  ],
  SuccessExitStatus: [
    "0",
    "1 2 SIGKILL",
    "TEMPFAIL",
    "INVALIDARGUMENT",
    "KILL",
    "SIGRTMIN+1",
    "0x10",
    "1,2",
    "256",
    "-1",
    "tempfail",
    "EXIT_TEMPFAIL",
    "sigkill",
  ],
  RestartPreventExitStatus: ["SIGTERM 23", "NOPERMISSION", "SIGFOO"],
  RestartForceExitStatus: ["5", "5, 6"],
  SystemCallErrorNumber: ["EPERM", "eperm", "kill", "4095", "EPERMM", "4096", "0", "EACCESS"],
  SystemCallFilter: ["~@mount:EPERM", "~@mount:EPERMM", "~@debug:ENOENTT"],
  Wants: ["foo@%i.service", "%p-helper.socket", "%n", "foo@%i", "foo@%i.servcie", "%N"],
};

const SOCKET_CASES: Readonly<Record<string, readonly string[]>> = {
  ListenStream: [
    "8080",
    "0.0.0.0:80",
    "127.0.0.1:8080",
    "[::1]:8080",
    "/run/app.sock",
    "%t/app.sock",
    "@app",
    "vsock::1234",
    "vsock:2:1234",
    "/run/x y",
    "localhost:8080",
    "run/app.sock",
    "app.sock",
    "*:80",
    "eth0",
    "0",
    "65536",
    "127.0.0.1",
    "[::1]",
    "127.0.0.1:0",
    "[::1]:80x",
    "1.2.3:80",
    "@",
    "vsock:abc",
    "vsock:1234",
    "%z/app.sock",
    "[fe80::1%eth0]:80",
  ],
  ListenDatagram: ["1.2.3.4:99999", "::1:80", "514"],
  ListenSequentialPacket: ["/run/seq", "seq"],
  ListenNetlink: ["route 1", "kobject-uevent", "bogus 1"],
  ListenFIFO: ["/run/fifo", "run/fifo"],
  ListenSpecial: ["/dev/x", "dev/x"],
  ListenMessageQueue: ["/mq", "mq"],
};

function unitText(header: string, cases: Readonly<Record<string, readonly string[]>>, first: string): string {
  const lines = [`[${header}]`, first];
  for (const [key, values] of Object.entries(cases)) {
    for (const value of values) lines.push(key === "Wants" ? `[Unit]\n${key}=${value}\n[${header}]` : `${key}=${value}`);
  }
  return `${lines.join("\n")}\n`;
}

/** "line: text" for each line of `text` that the check flags, 1-based. */
function flagged(text: string, lines: Iterable<number>): string[] {
  const all = text.split("\n");
  return [...new Set(lines)].sort((a, b) => a - b).map((line) => `${line + 1}: ${all[line]}`);
}

/**
 * The 0-based lines systemd-analyze verify complains about, run as a person runs it (dependencies
 * are loaded too, which is where a unit name that is no name shows).
 */
async function verifiedLines(name: string, text: string): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), "unitsmith-named-"));
  try {
    const path = join(dir, name);
    writeFileSync(path, text);
    const stderr = await new Promise<string>((resolve, reject) => {
      execFile(
        "systemd-analyze",
        ["verify", "--man=no", "--generators=no", "--", path],
        { timeout: 60_000, env: { ...process.env, SYSTEMD_COLORS: "0", SYSTEMD_LOG_LOCATION: "0", LC_ALL: "C.UTF-8" } },
        (error, _stdout, err) => (error && typeof error.code !== "number" ? reject(error) : resolve(err)),
      );
    });
    const prefix = `${path}:`;
    return stderr
      .split("\n")
      .filter((line) => line.startsWith(prefix))
      .map((line) => Number(/^(\d+):/.exec(line.slice(prefix.length))?.[1]) - 1)
      .filter((line) => line >= 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function compare(name: string, text: string): Promise<void> {
  const theirs = flagged(text, await verifiedLines(name, text));
  assert.ok(theirs.length >= 10, `systemd-analyze verify refused only ${theirs.length} lines`);
  const ours = flagged(
    text,
    computeDiagnostics(parseUnitFile(text), unitKind(name))
      .filter((d) => d.code === "invalid-value" || d.code === "questionable-value")
      .map((d) => d.range.start.line),
  );
  assert.deepEqual(ours, theirs);
}

describe(
  "named values and socket addresses, against systemd-analyze verify",
  { skip: !hasSystemdAnalyze() && "systemd-analyze is not installed" },
  () => {
    it("flags exactly the service lines systemd refuses", async () => {
      const text = unitText("Service", SERVICE_CASES, "ExecStart=/bin/true");
      assert.ok(text.split("\n").length > 80);
      await compare("app@inst.service", text);
    });

    it("flags exactly the socket lines systemd refuses", async () => {
      await compare("app.socket", unitText("Socket", SOCKET_CASES, "Accept=no"));
    });
  },
);
