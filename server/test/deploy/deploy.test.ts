import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { hostResults, parseEvents } from "../../src/deploy/hostResults";
import { deployPlan } from "../../src/deploy/plan";
import { deployPlaybook } from "../../src/deploy/playbook";
import { toYaml } from "../../src/deploy/yaml";

describe("the deploy plan", () => {
  test("units go to /etc/systemd/system, drop-ins to their directory; a timer starts in place of its service", () => {
    assert.deepEqual(
      deployPlan(["/r/backup.service", "/r/backup.timer", "/r/web.service", "/r/web.service.d/limits.conf", "/r/job@.service"]),
      {
        files: [
          { src: "/r/backup.service", dest: "/etc/systemd/system/backup.service", unit: "backup.service" },
          { src: "/r/backup.timer", dest: "/etc/systemd/system/backup.timer", unit: "backup.timer" },
          { src: "/r/web.service", dest: "/etc/systemd/system/web.service", unit: "web.service" },
          { src: "/r/web.service.d/limits.conf", dest: "/etc/systemd/system/web.service.d/limits.conf", unit: "web.service" },
          { src: "/r/job@.service", dest: "/etc/systemd/system/job@.service", unit: "job@.service" },
        ],
        directories: ["/etc/systemd/system/web.service.d"],
        run: ["backup.timer", "web.service"],
      },
    );
  });

  test("what is not a unit is refused", () => {
    assert.deepEqual(deployPlan(["/r/notes.txt"]), { problem: "/r/notes.txt is not a unit file or a drop-in of one" });
  });
});

describe("the playbook", () => {
  test("YAML with every string quoted, lists of mappings in block style", () => {
    assert.equal(
      toYaml([{ name: "a: b", loop: ["x", "y"], flag: true, nested: { argv: ["journalctl", "--unit=it's"] } }]),
      [
        '- name: "a: b"',
        "  loop:",
        '    - "x"',
        '    - "y"',
        "  flag: true",
        "  nested:",
        "    argv:",
        '      - "journalctl"',
        '      - "--unit=it\'s"',
        "",
      ].join("\n"),
    );
  });

  test("copy, reload when a file changed, then enable and start or restart, reading the journal on failure", () => {
    const plan = deployPlan(["/r/web.service"]);
    assert.ok(!("problem" in plan));
    const text = deployPlaybook(plan);
    for (const line of [
      '  hosts: "all"',
      '    - name: "Put the unit files in place"',
      "      ansible.builtin.copy:",
      '      when: "unitsmith_changed | length > 0"',
      "          ansible.builtin.systemd_service:",
      '            name: "web.service"',
      "            state: \"{{ 'restarted' if 'web.service' in unitsmith_changed else 'started' }}\"",
      '        - name: "Journal of web.service"',
    ]) {
      assert.ok(text.includes(`${line}\n`), line);
    }
  });
});

describe("the results per host", () => {
  const line = (event: object) => JSON.stringify(event);
  test("changed with the diffs, unchanged, and failed with the reason and the journal", () => {
    const stdout = [
      "not an event",
      line({
        host: "a",
        task: "Put the unit files in place",
        status: "changed",
        results: [
          {
            item: {},
            changed: true,
            failed: false,
            diff: { before: "", after: "[Unit]\n", before_header: "/etc/x", after_header: "/etc/x" },
          },
        ],
      }),
      line({ host: "b", task: "Put the unit files in place", status: "ok", results: [{ item: {}, changed: false, failed: false }] }),
      line({ host: "c", task: "Enable and start x.service", status: "failed", msg: "Unable to start service x.service: Job failed" }),
      line({ host: "c", task: "Journal of x.service", status: "ok", stdout: "x: cannot start" }),
      line({ host: "c", task: "x.service did not start", status: "failed", msg: "Unable to start service x.service: Job failed" }),
      line({
        host: "d",
        task: "Put the unit files in place",
        status: "unreachable",
        msg: "All items completed",
        results: [{ item: {}, changed: false, failed: true, msg: "Failed to connect to the host via ssh: timed out" }],
      }),
    ].join("\n");
    assert.deepEqual(hostResults(parseEvents(stdout)), [
      { host: "a", status: "changed", diffs: ["--- /etc/x\n+++ /etc/x\n@@ -0,0 +1 @@\n+[Unit]\n"] },
      { host: "b", status: "unchanged", diffs: [] },
      { host: "c", status: "failed", reason: "Unable to start service x.service: Job failed", journal: "x: cannot start", diffs: [] },
      { host: "d", status: "failed", reason: "Failed to connect to the host via ssh: timed out", diffs: [] },
    ]);
  });
});
