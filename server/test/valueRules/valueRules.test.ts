import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { computeDiagnostics } from "../../src/language/diagnostics";
import { parseUnitFile } from "../../src/language/parser";
import { unitKind } from "../../src/language/unitKind";

const VALUE_RULES = new Set(["invalid-value", "questionable-value"]);

/** The value findings for `text` as the file at `path`: `line:code` rows, 1-based. */
function valueCodes(path: string, text: string): string[] {
  return computeDiagnostics(parseUnitFile(text), unitKind(path))
    .filter((d) => VALUE_RULES.has(String(d.code)))
    .map((d) => `${d.range.start.line + 1}:${String(d.code)}`);
}

function service(lines: string): string {
  return `[Unit]\nDescription=test\n[Service]\nExecStart=/usr/bin/app\n${lines}\n`;
}

describe("values systemd refuses are errors", () => {
  const cases: [string, string][] = [
    ["Type=simpel", "a misspelled enum value"],
    ["Restart=Always", "an enum value in the wrong case"],
    ["RemainAfterExit=maybe", "a word that is not a boolean"],
    ["TimeoutStopSec=5 minuts", "a time span with an unknown unit"],
    ["MemoryMax=12Q", "a size with an unknown suffix"],
    ["Nice=20", "an integer out of range"],
    ["UMask=0999", "a mode with a non-octal digit"],
    ["KillSignal=SIGFOO", "an unknown signal"],
    ["WorkingDirectory=var/lib/app", "a relative working directory"],
    ["EnvironmentFile=etc/default/app", "a relative environment file"],
    ["StandardOutput=file:log/app.log", "a relative path after file:"],
    ["Environment=1A=b", "an environment variable name starting with a digit"],
    ["ExecStartPre=bin/prepare", "a relative program path"],
    ["ExecStartPost=/usr/bin/echo %z", "an unknown specifier in a command line"],
    ["Sockets=app.service", "a unit of the wrong type"],
    ["ReadWritePaths=-/var/lib/app var/cache/app", "one relative path in a list"],
    ["LimitNOFILE=1024:lots", "a resource limit that is not a number"],
    ["SyslogLevel=8", "a log level number past debug"],
    ["SystemCallArchitectures=native pdp11", "an unknown architecture"],
    ["IPAddressDeny=10.0.0.300", "an address that is not one"],
    ["CPUQuota=fast", "a percentage without %"],
    ["TasksMax=0", "a task limit below 1"],
  ];
  for (const [line, what] of cases) {
    it(`flags ${what}: ${line}`, () => assert.deepEqual(valueCodes("app.service", service(line)), ["5:invalid-value"]));
  }

  it("flags conditions, dependencies and documentation in [Unit]", () => {
    const text = "[Unit]\nConditionPathExists=|!run/flag\nAfter=network\nDocumentation=app(8)\n";
    assert.deepEqual(valueCodes("app.target", text), ["2:invalid-value", "3:invalid-value", "4:invalid-value"]);
  });

  it("flags timer values", () => {
    const text = "[Timer]\nOnCalendar=dialy\nAccuracySec=1 minn\nUnit=app\n";
    assert.deepEqual(valueCodes("app.timer", text), ["2:invalid-value", "3:invalid-value", "4:invalid-value"]);
  });

  it("flags specifiers [Install] does not expand, and bad unit names there", () => {
    const text = "[Unit]\nDescription=%I\n[Install]\nWantedBy=%I.target\nAlso=app\n";
    assert.deepEqual(valueCodes("app@.service", text), ["4:invalid-value", "5:invalid-value"]);
  });
});

describe("values systemd accepts are not flagged", () => {
  const accepted = [
    "Type=notify",
    "ProtectHome=YES",
    "ProtectSystem=strict",
    "PrivateTmp=true",
    "TimeoutStopSec=1min 30s",
    "RestartSec=infinity",
    "MemoryMax=50%",
    "MemoryHigh=infinity",
    "TasksMax=80%",
    "CPUQuota=150%",
    "CPUWeight=idle",
    "Nice=-5",
    "SyslogLevel=3",
    "SyslogFacility=local0",
    "IOSchedulingClass=2",
    "StandardOutput=append:%L/app.log",
    "StandardOutput=fd",
    "StandardError=fd:stderr",
    "StandardInput=data",
    "WorkingDirectory=~",
    "WorkingDirectory=-%h/work",
    "EnvironmentFile=-/etc/default/app",
    "ReadWritePaths=-+/var/lib/app %S/app",
    "ExecStartPre=-+/usr/bin/prepare --flag",
    "ExecStartPost=%h/bin/notify %i %%",
    "ExecReload=kill -HUP $MAINPID",
    "Environment=GREETING=hello PATH_%i=/x",
    "Sockets=app.socket %N-extra.socket",
    "Slice=app-%i.slice",
    "User=www-data",
    "SupplementaryGroups=adm systemd-journal",
    "LimitNOFILE=1024:524288",
    "LimitCPU=5min",
    "LimitNICE=+5",
    "LimitMEMLOCK=64K",
    "CPUAffinity=numa",
    "CPUAffinity=0-3 5,7",
    "CapabilityBoundingSet=~CAP_SYS_ADMIN CAP_NET_RAW",
    "SystemCallFilter=@system-service",
    "SystemCallFilter=~@mount:EPERM @debug",
    "SystemCallArchitectures=native x86",
    "IPAddressAllow=localhost 10.0.0.0/8 fd00::/8",
    "Delegate=yes",
    "Delegate=cpu memory",
    "KillSignal=SIGRTMIN+3",
    "UMask=0027",
    "MemoryMax=",
    "ReadWritePaths=",
    "Environment=",
    "CPUAffinity=",
  ];
  for (const line of accepted) {
    it(line, () => assert.deepEqual(valueCodes("app.service", service(line)), []));
  }

  it("leaves networkd enums and Quadlet keys alone, but checks networkd booleans", () => {
    assert.deepEqual(valueCodes("50-lan.network", "[Network]\nDHCP=ipv4\nIPv6AcceptRA=nah\n"), ["3:invalid-value"]);
    assert.deepEqual(valueCodes("web.container", "[Container]\nImage=docker.io/nginx\nPublishPort=%z\n"), []);
  });
});

describe("where and how value findings are reported", () => {
  it("points at the word of a continued value that is wrong, on its own line", () => {
    const text = "[Service]\nExecStart=/usr/bin/app\nDelegate=cpu \\\n  memory \\\n  bogus\n";
    const [diagnostic, ...rest] = computeDiagnostics(parseUnitFile(text), unitKind("app.service")).filter(
      (d) => d.code === "invalid-value",
    );
    assert.deepEqual(rest, []);
    assert.deepEqual(diagnostic!.range, { start: { line: 4, character: 2 }, end: { line: 4, character: 7 } });
  });

  it("offers the closest valid values of an enum to a quick fix", () => {
    const [diagnostic] = computeDiagnostics(parseUnitFile(service("Type=forkin")), unitKind("app.service")).filter(
      (d) => d.code === "invalid-value",
    );
    assert.equal(typeof diagnostic!.message, "string");
    assert.match(diagnostic!.message as string, /Expected one of "simple", "forking".*Did you mean "forking"\?/);
    assert.deepEqual(diagnostic!.data, { suggestions: ["forking"] });
  });

  it("reports names systemd accepts but other tools may not as questionable", () => {
    assert.deepEqual(valueCodes("app.service", service("User=1a")), ["5:questionable-value"]);
  });

  it("follows the severity the settings give each rule", () => {
    const diagnostics = computeDiagnostics(parseUnitFile(service("Type=simpel")), unitKind("app.service"), {
      severities: { "invalid-value": "ignore" },
    });
    assert.deepEqual(
      diagnostics.filter((d) => d.code === "invalid-value"),
      [],
    );
  });
});
