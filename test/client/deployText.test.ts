import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { deployReport, deploySummary, deployTargetChoices } from "../../client/src/operations/deployText";
import type { DeployResult } from "../../client/src/operations/serverCommands";

describe("Deploy to Hosts", () => {
  it("offers every ssh host of unitsmith.hosts together and alone, then each inventory group; containers are not Ansible's", () => {
    const choices = deployTargetChoices(
      [
        { label: "web1", host: { ssh: "web1" } },
        { label: "root@web2 (sudo)", host: { ssh: "root@web2", sudo: true } },
        { label: "box (container)", host: { machine: "box" } },
      ],
      [{ uri: "file:///r/inventory.ini", label: "inventory.ini", groups: [{ name: "web", hosts: ["a", "b"] }] }],
    );
    assert.deepEqual(
      choices.map(({ label, value }) => [label, value]),
      [
        ["Every host of unitsmith.hosts", { hosts: [{ ssh: "web1" }, { ssh: "root@web2", sudo: true }] }],
        ["web1", { hosts: [{ ssh: "web1" }] }],
        ["root@web2 (sudo)", { hosts: [{ ssh: "root@web2", sudo: true }] }],
        ["Group web", { inventory: "file:///r/inventory.ini", limit: "web" }],
      ],
    );
  });

  it("shows each host's outcome with its diffs unindented, and the failed one's reason and journal", () => {
    const result: DeployResult = {
      ok: true,
      mode: "check",
      scope: "system",
      files: ["/r/web.service"],
      hosts: [
        { host: "web1", status: "changed", diffs: ["--- /etc/systemd/system/web.service\n+++ /etc/systemd/system/web.service\n+[Unit]\n"] },
        { host: "web2", status: "unchanged", diffs: [] },
        { host: "web3", status: "failed", reason: "Unable to start service web.service", journal: "web: no config\n", diffs: [] },
      ],
    };
    const text = deployReport(result, "Dry run", (path) => path.slice(3));
    assert.equal(
      text,
      [
        "Dry run",
        "",
        "Files: web.service",
        "",
        "# web1: would change",
        "--- /etc/systemd/system/web.service",
        "+++ /etc/systemd/system/web.service",
        "+[Unit]",
        "",
        "# web2: unchanged",
        "",
        "# web3: failed — Unable to start service web.service",
        "# its journal:",
        "#   web: no config",
        "",
      ].join("\n"),
    );
    assert.equal(deploySummary(result), "1 would change, 1 unchanged, 1 failed");
    assert.equal(deploySummary({ ...result, mode: "apply", hosts: result.hosts.slice(0, 1) }), "1 changed");
  });
});
