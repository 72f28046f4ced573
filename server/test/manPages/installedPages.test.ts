// Against the man pages installed on this machine (systemd's own, read at run time, never copied here).
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { describe, it } from "node:test";
import { createManPageLibrary } from "../../src/systemd/manPages";
import { roffLeftover } from "../roff/roffLeftovers";

const skip = existsSync("/usr/share/man/man5/systemd.service.5.gz") ? false : "systemd's man pages are not installed";
const library = createManPageLibrary({ manPath: ["/usr/share/man"] });

// [directive, page that documents it, a word its documentation uses]
const directives: [string, string, string][] = [
  ["ExecStart", "systemd.service", "command"],
  ["ExecStartPre", "systemd.service", "ExecStartPre="],
  ["ExecReload", "systemd.service", "reload"],
  ["Restart", "systemd.service", "on-failure"],
  ["RestartSec", "systemd.service", "sleep"],
  ["Type", "systemd.service", "simple"],
  ["RemainAfterExit", "systemd.service", "active"],
  ["TimeoutStartSec", "systemd.service", "start-up"],
  ["PIDFile", "systemd.service", "PID"],
  ["WatchdogSec", "systemd.service", "watchdog"],
  ["User", "systemd.exec", "user"],
  ["WorkingDirectory", "systemd.exec", "directory"],
  ["Environment", "systemd.exec", "variables"],
  ["EnvironmentFile", "systemd.exec", "file"],
  ["PrivateTmp", "systemd.exec", "/tmp"],
  ["ProtectSystem", "systemd.exec", "strict"],
  ["ProtectHome", "systemd.exec", "/home"],
  ["NoNewPrivileges", "systemd.exec", "privileges"],
  ["CapabilityBoundingSet", "systemd.exec", "capabilit"],
  ["StandardOutput", "systemd.exec", "journal"],
  ["DynamicUser", "systemd.exec", "user"],
  ["SystemCallFilter", "systemd.exec", "system call"],
  ["LimitNOFILE", "systemd.exec", "ulimit"],
  ["Description", "systemd.unit", "description"],
  ["Documentation", "systemd.unit", "URI"],
  ["After", "systemd.unit", "ordering"],
  ["Requires", "systemd.unit", "dependencies"],
  ["Wants", "systemd.unit", "weak"],
  ["ConditionPathExists", "systemd.unit", "exist"],
  ["WantedBy", "systemd.unit", "symbolic link"],
  ["Alias", "systemd.unit", "names"],
  ["StartLimitIntervalSec", "systemd.unit", "start"],
  ["OnCalendar", "systemd.timer", "calendar"],
  ["OnBootSec", "systemd.timer", "boot"],
  ["Persistent", "systemd.timer", "disk"],
  ["AccuracySec", "systemd.timer", "accuracy"],
  ["RandomizedDelaySec", "systemd.timer", "random"],
  ["ListenStream", "systemd.socket", "address"],
  ["Accept", "systemd.socket", "connection"],
  ["SocketMode", "systemd.socket", "mode"],
  ["MemoryMax", "systemd.resource-control", "memory"],
  ["CPUQuota", "systemd.resource-control", "CPU"],
  ["TasksMax", "systemd.resource-control", "tasks"],
  ["IOWeight", "systemd.resource-control", "weight"],
  ["Delegate", "systemd.resource-control", "delegat"],
  ["KillMode", "systemd.kill", "control-group"],
  ["KillSignal", "systemd.kill", "SIGTERM"],
  ["What", "systemd.mount", "device"],
  ["Where", "systemd.mount", "mount point"],
  ["Options", "systemd.mount", "options"],
  ["PathExists", "systemd.path", "exists"],
  ["PathChanged", "systemd.path", "file"],
  ["MakeDirectory", "systemd.path", "director"],
  ["DHCP", "systemd.network", "DHCP"],
  ["Gateway", "systemd.network", "gateway"],
  ["DNS", "systemd.network", "DNS"],
];

describe("hover documentation from the installed man pages", { skip }, () => {
  it(`documents ${directives.length} directives from the pages the knowledge base names`, async (t) => {
    const timings: string[] = [];
    for (const [name, page, word] of directives) {
      const started = performance.now();
      const doc = await library.directiveDoc(name, { page });
      const first = performance.now() - started;
      assert.ok(doc, `${name} in ${page}`);
      assert.equal(doc.page, page);
      assert.equal(doc.reference, `${page}(5)`);
      assert.ok(doc.names.includes(`${name}=`), `${name}: ${doc.names.join(", ")}`);
      assert.ok(doc.markdown.length > 40, `${name}: ${doc.markdown}`);
      assert.equal(roffLeftover(doc.markdown), undefined, `${name}: roff left in its documentation`);
      assert.ok(doc.markdown.toLowerCase().includes(word.toLowerCase()), `${name}: "${word}" not in ${doc.markdown.slice(0, 200)}`);
      const again = performance.now();
      assert.equal((await library.directiveDoc(name, { page }))?.markdown, doc.markdown);
      timings.push(`${name} (${page}): first ${first.toFixed(1)} ms, cached ${(performance.now() - again).toFixed(2)} ms`);
    }
    for (const line of timings) t.diagnostic(line);
  });

  it("finds every one of them without a page hint, through systemd.directives(7)", async () => {
    for (const [name] of directives) {
      const doc = await library.directiveDoc(`${name}=`);
      assert.ok(doc?.markdown, name);
      assert.ok(doc.names.includes(`${name}=`), name);
    }
  });

  it("falls back to systemd.directives(7) when the hinted page lacks the directive", async () => {
    const doc = await library.directiveDoc("MemoryMax", { page: "systemd.service" });
    assert.equal(doc?.page, "systemd.resource-control");
  });

  it("gives each name of a shared entry the same documentation", async () => {
    const shared: [string, string, string][] = [
      ["User", "Group", "systemd.exec"],
      ["ExecStartPre", "ExecStartPost", "systemd.service"],
      ["OnActiveSec", "OnUnitInactiveSec", "systemd.timer"],
      ["WantedBy", "RequiredBy", "systemd.unit"],
    ];
    for (const [one, other, page] of shared) {
      const a = await library.directiveDoc(one, { page });
      const b = await library.directiveDoc(other, { page });
      assert.ok(a && b, `${one}, ${other}`);
      assert.equal(a.markdown, b.markdown);
      assert.ok(a.names.includes(`${other}=`));
    }
  });

  it("tells the [Network] Address= from the [Address] one, and names the [Install] section", async () => {
    const inNetwork = await library.directiveDoc("Address", { page: "systemd.network", section: "Network" });
    const inAddress = await library.directiveDoc("Address", { page: "systemd.network", section: "Address" });
    assert.equal(inNetwork?.section, "[NETWORK] SECTION OPTIONS");
    assert.equal(inAddress?.section, "[ADDRESS] SECTION OPTIONS");
    assert.notEqual(inNetwork.markdown, inAddress.markdown);
    assert.equal((await library.directiveDoc("WantedBy"))?.section, "[INSTALL] SECTION OPTIONS");
    assert.equal((await library.directiveDoc("ConditionPathExists"))?.subsection, "Conditions and Asserts");
  });

  it("renders examples and tables from the pages as Markdown", async () => {
    const execStart = await library.directiveDoc("ExecStart", { page: "systemd.service" });
    assert.match(execStart?.markdown ?? "", /^\| Prefix \| Effect \|$/m);
    const rootDirectory = await library.directiveDoc("RootDirectory", { page: "systemd.exec" });
    assert.match(rootDirectory?.markdown ?? "", /```ini\nBindReadOnlyPaths=\/dev\/log /);
    const type = await library.directiveDoc("Type", { page: "systemd.service" });
    assert.match(type?.markdown ?? "", /^- If set to `simple`/m);
  });

  it("renders whole pages with headings and no roff left over", async () => {
    const exec = (await library.renderPage("systemd.exec(5)")) ?? "";
    assert.ok(exec.startsWith("# systemd.exec(5)\n"));
    assert.match(exec, /^## DESCRIPTION$/m);
    assert.match(exec, /^\*\*`PrivateTmp=`\*\*$/m);
    assert.match(exec, /\[Discoverable Partitions Specification\]\(<https:/);
    assert.equal(await library.renderPage("systemd.exec"), exec);
    for (const page of [
      "systemd.service",
      "systemd.unit",
      "systemd.timer",
      "systemd.socket",
      "systemd.network",
      "systemd.netdev",
      "systemd.time",
    ]) {
      const markdown = await library.renderPage(page);
      assert.ok(markdown, page);
      assert.equal(roffLeftover(markdown), undefined, page);
    }
  });
});
