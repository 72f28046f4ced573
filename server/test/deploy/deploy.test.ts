import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { hostResults, parseEvents } from "../../src/deploy/hostResults";
import { deployPlan } from "../../src/deploy/plan";
import { deployPlaybook } from "../../src/deploy/playbook";
import { runDeploy } from "../../src/deploy/runDeploy";
import { toYaml } from "../../src/deploy/yaml";

describe("the deploy plan", () => {
  test("units go to /etc/systemd/system, drop-ins to their directory; a timer starts in place of its service", () => {
    assert.deepEqual(
      deployPlan(["/r/backup.service", "/r/backup.timer", "/r/web.service", "/r/web.service.d/limits.conf", "/r/job@.service"]),
      {
        scope: "system",
        files: [
          { src: "/r/backup.service", dest: "/etc/systemd/system/backup.service", unit: "backup.service" },
          { src: "/r/backup.timer", dest: "/etc/systemd/system/backup.timer", unit: "backup.timer" },
          { src: "/r/web.service", dest: "/etc/systemd/system/web.service", unit: "web.service" },
          { src: "/r/web.service.d/limits.conf", dest: "/etc/systemd/system/web.service.d/limits.conf", unit: "web.service" },
          { src: "/r/job@.service", dest: "/etc/systemd/system/job@.service", unit: "job@.service" },
        ],
        directories: ["/etc/systemd/system/web.service.d"],
        sysusers: [],
        tmpfiles: [],
        run: ["backup.timer", "web.service"],
      },
    );
  });

  test("tmpfiles.d and sysusers.d files go to /etc, and are made before any unit starts", () => {
    assert.deepEqual(deployPlan(["/r/app.service", "/r/pkg/sysusers.d/app.conf", "/r/pkg/tmpfiles.d/app.conf"]), {
      scope: "system",
      files: [
        { src: "/r/app.service", dest: "/etc/systemd/system/app.service", unit: "app.service" },
        { src: "/r/pkg/sysusers.d/app.conf", dest: "/etc/sysusers.d/app.conf", unit: "" },
        { src: "/r/pkg/tmpfiles.d/app.conf", dest: "/etc/tmpfiles.d/app.conf", unit: "" },
      ],
      directories: ["/etc/sysusers.d", "/etc/tmpfiles.d"],
      sysusers: ["/etc/sysusers.d/app.conf"],
      tmpfiles: ["/etc/tmpfiles.d/app.conf"],
      run: ["app.service"],
    });
  });

  test("user units go to the account's ~/.config/systemd/user; sysusers.d is for the system manager only", () => {
    assert.deepEqual(deployPlan(["/r/hello.service", "/r/hello.service.d/env.conf", "/r/tmpfiles.d/hello.conf"], "user"), {
      scope: "user",
      files: [
        { src: "/r/hello.service", dest: "~/.config/systemd/user/hello.service", unit: "hello.service" },
        { src: "/r/hello.service.d/env.conf", dest: "~/.config/systemd/user/hello.service.d/env.conf", unit: "hello.service" },
        { src: "/r/tmpfiles.d/hello.conf", dest: "~/.config/user-tmpfiles.d/hello.conf", unit: "" },
      ],
      directories: ["~/.config/systemd/user", "~/.config/systemd/user/hello.service.d", "~/.config/user-tmpfiles.d"],
      sysusers: [],
      tmpfiles: ["hello.conf"],
      run: ["hello.service"],
    });
    assert.match((deployPlan(["/r/sysusers.d/x.conf"], "user") as { problem: string }).problem, /sysusers\.d files make system accounts/);
  });

  test("what is not a unit is refused", () => {
    assert.deepEqual(deployPlan(["/r/notes.txt"]), {
      problem: "/r/notes.txt is not a unit file, a drop-in of one, or a tmpfiles.d or sysusers.d file",
    });
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
      '    - name: "Put the files in place"',
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

  test("user units: the user manager's reload, start and journal; sysusers and tmpfiles applied before the units start", () => {
    const user = deployPlan(["/r/hello.service", "/r/tmpfiles.d/hello.conf"], "user");
    assert.ok(!("problem" in user));
    const text = deployPlaybook(user);
    assert.equal(text.match(/ {2,}scope: "user"\n/g)?.length, 2, text);
    assert.match(text, /"systemd-tmpfiles"\s+- "--user"\s+- "--create"\s+- "hello.conf"\n/);
    assert.match(text, /"journalctl"\s+- "--user"\s+- "--unit=hello.service"/);
    const system = deployPlan(["/r/app.service", "/r/sysusers.d/app.conf", "/r/tmpfiles.d/app.conf"]);
    assert.ok(!("problem" in system));
    const order = deployPlaybook(system);
    const at = (needle: string) => order.indexOf(needle);
    assert.ok(at('"systemd-sysusers"') > at('"Reload systemd"') && at('"systemd-tmpfiles"') > at('"systemd-sysusers"'), order);
    assert.ok(at('"Run app.service"') > at('"systemd-tmpfiles"'), order);
    assert.ok(!order.includes("scope:"), order);
  });
});

describe("Save as Playbook", () => {
  test("writes the playbook where asked and runs nothing: no host is named, none is needed", async () => {
    const work = mkdtempSync(join(tmpdir(), "unitsmith-playbook-"));
    try {
      const playbook = join(work, "deploy-web.yml");
      const answer = await runDeploy({
        files: ["/r/web.service", "/r/web.service.d/limits.conf"],
        target: { hosts: [] },
        mode: "playbook",
        savePlaybook: playbook,
        cwd: work,
        exec: { prefix: ["/nonexistent/unitsmith-no-such-program"] },
      });
      assert.deepEqual(answer, {
        ok: true,
        mode: "playbook",
        scope: "system",
        files: ["/r/web.service", "/r/web.service.d/limits.conf"],
        hosts: [],
        playbook,
      });
      const text = readFileSync(playbook, "utf8");
      assert.match(text, /^# Written by unitsmith deploy\. Run it with:/);
      assert.match(text, /dest: "\/etc\/systemd\/system\/web\.service\.d\/limits\.conf"/);
    } finally {
      rmSync(work, { recursive: true, force: true });
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
            diff: { before: "", after: "[Unit]\n", before_header: "/r/x", after_header: "/r/x" },
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
    assert.deepEqual(hostResults(parseEvents(stdout), new Map([["/r/x", "/etc/x"]])), [
      { host: "a", status: "changed", diffs: ["--- /etc/x\n+++ /etc/x\n@@ -0,0 +1 @@\n+[Unit]\n"] },
      { host: "b", status: "unchanged", diffs: [] },
      { host: "c", status: "failed", reason: "Unable to start service x.service: Job failed", journal: "x: cannot start", diffs: [] },
      { host: "d", status: "failed", reason: "Failed to connect to the host via ssh: timed out", diffs: [] },
    ]);
  });
});
