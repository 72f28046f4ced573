// `unitsmith security`: the same overall scores as `systemd-analyze security --offline=true`, and its exit codes.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { hasSystemdAnalyze } from "../../server/test/values/systemdAnalyze";
import { unitsmith } from "./run";

const UNITS: Record<string, string> = {
  "bare.service": "[Service]\nExecStart=/bin/true\n",
  "hardened.service": [
    "[Service]",
    "ExecStart=/bin/true",
    "DynamicUser=yes",
    "PrivateNetwork=yes",
    "PrivateDevices=yes",
    "ProtectKernelTunables=yes",
    "CapabilityBoundingSet=",
    "RestrictNamespaces=yes",
    "SystemCallFilter=@system-service",
    "SystemCallFilter=~@privileged @resources",
    "SystemCallArchitectures=native",
    "RestrictAddressFamilies=AF_UNIX",
    "",
  ].join("\n"),
  // Hardened by its drop-ins, one of which resets what the other allowed.
  "dropped.service": "[Service]\nExecStart=/bin/true\nSystemCallFilter=@system-service\n",
};
const DROP_INS: Record<string, string> = {
  "dropped.service.d/10-sandbox.conf": "[Service]\nDynamicUser=yes\nPrivateNetwork=yes\nCapabilityBoundingSet=\nSystemCallFilter=~@mount\n",
  "dropped.service.d/20-undo.conf": "[Service]\nSystemCallFilter=\nPrivateNetwork=no\n",
};

function systemdOverall(paths: string[], runtimeDir: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, XDG_RUNTIME_DIR: runtimeDir, SYSTEMD_COLORS: "0", SYSTEMD_PAGER: "cat" };
    execFile("systemd-analyze", ["security", "--offline=true", "--", ...paths], { env, timeout: 60_000 }, (error, stdout) =>
      error && !stdout
        ? reject(error)
        : resolve([...stdout.matchAll(/Overall exposure level for .*?: (\d+\.\d) (\w+)/g)].map((m) => `${m[1]} ${m[2]}`)),
    );
  });
}

describe("unitsmith security", () => {
  let dir = "";
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "unitsmith-security-"));
    mkdirSync(join(dir, "dropped.service.d"));
    for (const [name, text] of Object.entries({ ...UNITS, ...DROP_INS })) writeFileSync(join(dir, name), text);
    writeFileSync(join(dir, "job.timer"), "[Timer]\nOnCalendar=daily\n");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it(
    "prints the scores systemd-analyze prints, drop-ins beside a file included",
    { skip: !hasSystemdAnalyze() && "systemd-analyze is not installed" },
    async () => {
      const paths = Object.keys(UNITS).map((name) => join(dir, name));
      const [text, json, expected] = await Promise.all([
        unitsmith(["security", ...paths], dir),
        unitsmith(["security", "--format", "json", ...paths], dir),
        systemdOverall(paths, dir),
      ]);
      const ours = [...text.stdout.matchAll(/Overall exposure level for .*?: (\d+\.\d) (\w+)/g)].map((m) => `${m[1]} ${m[2]}`);
      assert.deepEqual(ours, expected);
      const rows = JSON.parse(json.stdout) as { exposure: number; level: string }[];
      assert.deepEqual(
        rows.map((r) => `${r.exposure.toFixed(1)} ${r.level}`),
        expected,
      );
      assert.equal(text.code, 0);
    },
  );

  it("exits 1 when a score is over the threshold, and names each failing row in SARIF", async () => {
    const hardened = await unitsmith(["security", "--threshold", "5", "hardened.service"], dir);
    const bare = await unitsmith(["security", "--threshold=5", "--format", "sarif", "bare.service", "hardened.service"], dir);
    assert.equal(hardened.code, 0, hardened.stdout);
    assert.equal(bare.code, 1);
    const results = (JSON.parse(bare.stdout) as { runs: { results: { ruleId: string; locations: unknown[] }[] }[] }).runs[0]!.results;
    assert.ok(results.some((r) => r.ruleId === "exposure/PrivateNetwork"));
    assert.ok(!results.some((r) => r.ruleId === "exposure/NotifyAccess"), "a row both files pass is not reported");
  });

  it("refuses bad options and files without a score", async () => {
    for (const args of [
      ["security"],
      ["security", "--threshold", "11", "bare.service"],
      ["security", "--format", "xml", "bare.service"],
      ["security", "job.timer"],
    ]) {
      const run = await unitsmith(args, dir);
      assert.equal(run.code, 2, args.join(" "));
      assert.notEqual(run.stderr, "");
    }
  });
});
