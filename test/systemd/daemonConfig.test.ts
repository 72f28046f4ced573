// The daemons as judges of their own configuration files: each case is written as a drop-in, the
// real daemon of the container's systemd reads it (a restart, or a daemon-reexec for PID 1) and
// says which lines it ignores and why; Unitsmith must report those lines, for the same reason,
// and no others. A second drop-in that sorts last holds one unknown key: once the daemon has
// complained about it, it has read the case.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { DiagnosticSeverity } from "vscode-languageserver-types";
import { computeDiagnostics } from "../../server/src/language/diagnostics";
import { parseUnitFile } from "../../server/src/language/parser";
import { unitKind } from "../../server/src/language/unitKind";
import { bootContainer, type Container } from "./harness/container";
import { pollUntil } from "./harness/poll";

const bootTimeout = 15 * 60_000;
const testTimeout = 120_000;
const FIXTURES = join(__dirname, "../../server/test/configFiles/fixtures/etc/systemd");

interface Daemon {
  /** The drop-in directory the daemon reads, under /etc/systemd. */
  dropIns: string;
  section: string;
  /** The service restarted to read its files again; PID 1 (no service) re-executes instead. */
  service?: string;
}

const DAEMONS: Record<string, Daemon> = {
  journald: { dropIns: "journald.conf.d", section: "Journal", service: "systemd-journald.service" },
  logind: { dropIns: "logind.conf.d", section: "Login", service: "systemd-logind.service" },
  networkd: { dropIns: "networkd.conf.d", section: "Network", service: "systemd-networkd.service" },
  manager: { dropIns: "system.conf.d", section: "Manager" },
};

const fixture = (path: string) => readFileSync(join(FIXTURES, path), "utf8");

/** Files systemd reads without a complaint, and files with mistakes of every kind it reports. */
const CASES: { daemon: keyof typeof DAEMONS; name: string; text: string }[] = [
  { daemon: "journald", name: "fixture", text: fixture("journald.conf.d/50-retention.conf") },
  {
    daemon: "journald",
    name: "clean",
    text: "[Journal]\nStorage=volatile\nCompress=64K\nSplitMode=uid\nRateLimitIntervalSec=30s\nRateLimitBurst=10000\nRuntimeMaxUse=64M\nMaxFileSec=1week\nForwardToWall=no\nMaxLevelKMsg=notice\nAudit=yes\n",
  },
  {
    daemon: "journald",
    name: "faulty",
    text: "[Journal]\nBogusKey=1\nStorage=sometimes\nSystemMaxUse=lots\nCompress=maybe\nMaxLevelStore=loud\nSplitMode=user\nSyncIntervalSec=often\nKillUserProcesses=no\n\n[Extra]\nStorage=auto\n",
  },
  { daemon: "logind", name: "fixture", text: fixture("logind.conf.d/10-laptop.conf") },
  {
    daemon: "logind",
    name: "clean",
    text: "[Login]\nNAutoVTs=4\nReserveVT=0\nKillOnlyUsers=root\nHandlePowerKey=poweroff\nHandleLidSwitchDocked=ignore\nHoldoffTimeoutSec=10s\nRuntimeDirectorySize=10%\nRuntimeDirectoryInodesMax=4k\nInhibitorsMax=1000\nRemoveIPC=yes\n",
  },
  {
    daemon: "logind",
    name: "faulty",
    text: "[Login]\nKillUserProcesses=maybe\nHandleLidSwitch=explode\nIdleActionSec=soon\nNAutoVTs=many\nStorage=auto\nRuntimeDirectorySize=lots\nInhibitDelayMaxSec=5\n",
  },
  {
    daemon: "networkd",
    name: "clean",
    text: "[Network]\nSpeedMeter=yes\nSpeedMeterIntervalSec=10s\nManageForeignRoutes=no\nManageForeignRoutingPolicyRules=yes\n\n[DHCPv4]\nDUIDType=vendor\n\n[DHCPv6]\nDUIDType=link-layer\n",
  },
  {
    daemon: "networkd",
    name: "faulty",
    text: "[Network]\nSpeedMeter=sometimes\nSpeedMeterIntervalSec=often\nBogus=1\n\n[DHCPv4]\nDUIDType=whatever\n\n[Nonsense]\nA=b\n",
  },
  { daemon: "manager", name: "fixture", text: fixture("system.conf.d/20-timeouts.conf") },
  {
    daemon: "manager",
    name: "clean",
    text: "[Manager]\nLogLevel=info\nLogColor=no\nDefaultTimeoutStartSec=45s\nDefaultCPUAccounting=yes\nDefaultTasksMax=80%\nDefaultLimitCORE=0:infinity\nCtrlAltDelBurstAction=none\nDefaultStartLimitBurst=10\n",
  },
  {
    daemon: "manager",
    name: "faulty",
    text: "[Manager]\nLogLevel=loud\nDefaultTimeoutStartSec=forever\nBogus=1\nDefaultLimitNOFILE=lots\nDefaultTasksMax=many\nCtrlAltDelBurstAction=explode\nStorage=auto\n\n[Journal]\nStorage=auto\n",
  },
];

/**
 * The daemon's complaint about a line, as the kind of finding Unitsmith reports for it. systemd
 * names an unknown key or section, and says it failed to parse (or found invalid) any other value.
 */
function complaintKind(message: string): string {
  if (/^Unknown section /.test(message)) return "unknown-section";
  if (/^Unknown key /.test(message)) return "unknown-directive";
  return "invalid-value";
}

/** Unitsmith's rule, read the same way: a key newer than the target is one the daemon does not know. */
const FINDING_KIND: Record<string, string> = { "newer-directive": "unknown-directive" };

let container: Container;
let version: number;

before(
  async () => {
    container = await bootContainer({ name: "daemon-config" });
    version = Number(/systemd (\d+)/.exec((await container.run(["systemctl", "--version"])).stdout)![1]);
    // Each daemon's own log, on its standard error in a file of its own.
    for (const daemon of Object.values(DAEMONS).filter((d) => d.service)) {
      const dropIn = `[Service]\nEnvironment=SYSTEMD_LOG_TARGET=console\nStandardError=truncate:/run/unitsmith/${daemon.service}.log\n`;
      await container.writeFile(`/etc/systemd/system/${daemon.service}.d/unitsmith-log.conf`, dropIn);
    }
    await container.run(["mkdir", "-p", "/run/unitsmith"]);
    assert.equal((await container.run(["systemctl", "daemon-reload"])).code, 0);
  },
  { timeout: bootTimeout },
);

after(() => container?.stop());

/**
 * What the daemon logs after it read `text` as `/etc/systemd/<dropIns>/50-<name>.conf`: "line kind"
 * rows, and its own words.
 */
async function daemonComplaints(daemon: Daemon, name: string, text: string): Promise<{ rows: string[]; said: string[] }> {
  const path = `/etc/systemd/${daemon.dropIns}/50-${name}.conf`;
  const marker = `Unitsmith${name.replace(/\W/g, "")}Read`;
  const sentinel = `/etc/systemd/${daemon.dropIns}/99-unitsmith-${name}.conf`;
  await container.writeFile(path, text);
  await container.writeFile(sentinel, `[${daemon.section}]\n${marker}=1\n`);
  try {
    const reread = daemon.service ? ["systemctl", "restart", daemon.service] : ["systemctl", "daemon-reexec"];
    const run = await container.run(reread, { timeoutMs: 60_000 });
    assert.equal(run.code, 0, `${reread.join(" ")}: ${run.stderr}`);
    const log = async () =>
      daemon.service ? (await container.run(["cat", `/run/unitsmith/${daemon.service}.log`])).stdout : container.consoleTail();
    const read = await pollUntil(`${daemon.dropIns}: the daemon reading ${sentinel}`, Date.now() + 60_000, async () => {
      const text = await log();
      return text.includes(`Unknown key '${marker}'`) ? text : undefined;
    });
    const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const said = [...read.matchAll(new RegExp(`^${escaped}:(\\d+): (.*)$`, "gm"))];
    const rows = said.map((m) => `${m[1]} ${complaintKind(m[2]!)}`);
    return { rows: [...new Set(rows)].sort(), said: said.map((m) => m[0]) };
  } finally {
    await container.run(["rm", "-f", "--", path, sentinel]);
  }
}

/**
 * Unitsmith's errors and warnings on the same file, as "line kind" rows. A deprecation is advice
 * about later releases (systemd 258 ignores DefaultCPUAccounting=), not a claim that this daemon
 * ignores the line, so it is left out.
 */
function ourFindings(daemon: Daemon, name: string, text: string): string[] {
  const path = `/etc/systemd/${daemon.dropIns}/50-${name}.conf`;
  const found = computeDiagnostics(parseUnitFile(text), unitKind(path), { target: { version } })
    .filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning)
    .filter((d) => d.code !== "deprecated-directive")
    .map((d) => `${d.range.start.line + 1} ${FINDING_KIND[String(d.code)] ?? String(d.code)}`);
  return [...new Set(found)].sort();
}

describe("systemd's daemons read their configuration files as Unitsmith does", () => {
  for (const { daemon: which, name, text } of CASES) {
    const daemon = DAEMONS[which]!;
    test(`${daemon.dropIns}, ${name}: the lines the daemon ignores are the lines Unitsmith reports`, { timeout: testTimeout }, async () => {
      const theirs = await daemonComplaints(daemon, `${which}-${name}`, text);
      if (name === "faulty") assert.ok(theirs.rows.length >= 4, `the daemon found too little to judge by: ${theirs.said.join("\n")}`);
      assert.deepEqual(ourFindings(daemon, `${which}-${name}`, text), theirs.rows, `the daemon said:\n${theirs.said.join("\n")}`);
    });
  }
});
