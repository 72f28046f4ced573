import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, describe, test } from "node:test";
import { deployFiles, sysusersServes, tmpfilesServes, unitNeeds } from "../../src/deploy/companions";
import { inventoryGroups, sshInventory } from "../../src/deploy/inventory";
import { parseDeployArgument } from "../../src/operations/deploy";

describe("what goes with a unit", () => {
  const root = mkdtempSync(join(tmpdir(), "unitsmith-companions-"));
  after(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write("units/backup.service", "[Service]\nUser=backup\nStateDirectory=backup\nExecStart=/usr/bin/backup\n");
  write("units/backup.service.d/limits.conf", "[Service]\nLogsDirectory=backup\n");
  write("units/backup.timer", "[Timer]\nOnCalendar=daily\n");
  write("units/backup.socket.txt", "not a socket\n");
  write("units/other.service", "[Service]\nExecStart=/bin/true\n");
  write("pkg/tmpfiles.d/backup.conf", "# the state directory\nd /var/lib/backup/cache 0700 - - -\n");
  write("pkg/tmpfiles.d/logs.conf", "d /var/log/backup 0750 root root\n");
  write("pkg/tmpfiles.d/unrelated.conf", "d /var/lib/other 0755 root root -\n");
  write("pkg/sysusers.d/backup.conf", 'u backup - "Backups"\n');
  write("pkg/sysusers.d/other.conf", 'u other - "Other"\n');
  write("node_modules/x/tmpfiles.d/backup.conf", "d /var/lib/backup 0700 - - -\n");

  test("the paths, users and groups a unit names", () => {
    assert.deepEqual(
      unitNeeds([
        "[Service]\nUser=web\nGroup=www\nStateDirectory=web web/cache:old\nReadWritePaths=-/srv/web\nEnvironmentFile=-/etc/default/web\n",
      ]),
      {
        paths: ["/var/lib/web", "/var/lib/web/cache", "/srv/web", "/etc/default/web"],
        accounts: ["web", "www"],
      },
    );
  });

  test("a tmpfiles.d file serves a unit when it makes one of its paths or one above or below it, or gives one to its user", () => {
    const needs = { paths: ["/var/lib/web"], accounts: ["web"] };
    assert.ok(tmpfilesServes("d /var/lib/web/tmp 0700 - - -\n", needs));
    assert.ok(tmpfilesServes("d /var/lib 0755 - - -\n", needs));
    assert.ok(tmpfilesServes("f /etc/web.conf 0640 web web -\n", needs));
    assert.ok(!tmpfilesServes("d /var/lib/website 0755 root root -\n# /var/lib/web\n", needs));
    assert.ok(sysusersServes('g www -\nu web - "Web"\n', needs));
    assert.ok(sysusersServes("m someone web\n", needs));
    assert.ok(!sysusersServes('u webber - "Not it"\n', needs));
  });

  test("its drop-ins, its timer, and the repository's tmpfiles.d and sysusers.d files that serve it; user units get no sysusers.d", async () => {
    const relative = (files: string[]) => files.map((file) => file.slice(root.length + 1));
    assert.deepEqual(relative(await deployFiles([join(root, "units/backup.service")], true, root, "system")), [
      "units/backup.service",
      "units/backup.service.d/limits.conf",
      "units/backup.timer",
      "pkg/sysusers.d/backup.conf",
      "pkg/tmpfiles.d/backup.conf",
      "pkg/tmpfiles.d/logs.conf",
    ]);
    assert.deepEqual(relative(await deployFiles([join(root, "units/backup.service")], true, root, "user")), [
      "units/backup.service",
      "units/backup.service.d/limits.conf",
      "units/backup.timer",
      "pkg/tmpfiles.d/backup.conf",
      "pkg/tmpfiles.d/logs.conf",
    ]);
    assert.deepEqual(relative(await deployFiles([join(root, "units/other.service")], false, root)), ["units/other.service"]);
  });
});

describe("the hosts of a deploy", () => {
  test("ssh destinations as an inventory: the name ssh reads its config by, the user, sudo as become", () => {
    assert.deepEqual(JSON.parse(sshInventory([{ ssh: "web1" }, { ssh: "alice@10.0.0.7", sudo: true }])), {
      all: {
        children: {
          unitsmith_hosts: {
            hosts: {
              web1: {},
              "alice@10.0.0.7": { ansible_host: "10.0.0.7", ansible_user: "alice", ansible_become: true, ansible_become_method: "sudo" },
            },
          },
        },
      },
    });
  });

  test("an inventory's groups with their hosts, children included, as ansible-inventory lists them", () => {
    const list = {
      _meta: { hostvars: {} },
      all: { children: ["ungrouped", "web", "fleet"] },
      ungrouped: { hosts: ["lonely"] },
      web: { hosts: ["web2", "web1"] },
      db: { hosts: ["db1"] },
      fleet: { children: ["web", "db"] },
      empty: {},
    };
    assert.deepEqual(inventoryGroups(JSON.stringify(list)), [
      { name: "db", hosts: ["db1"] },
      { name: "fleet", hosts: ["db1", "web1", "web2"] },
      { name: "web", hosts: ["web1", "web2"] },
    ]);
  });

  test("the editor's argument: files, a mode, and an inventory group or ssh destinations", () => {
    const uris = ["file:///r/web.service"];
    assert.ok(parseDeployArgument({ uris, mode: "check", inventory: "file:///r/hosts.ini", limit: "web" }).ok);
    assert.ok(parseDeployArgument({ uris, mode: "apply", hosts: [{ ssh: "root@web1" }], scope: "user", companions: true }).ok);
    assert.ok(parseDeployArgument({ uris, mode: "playbook", playbook: "file:///r/deploy.yml" }).ok);
    for (const bad of [
      { uris, mode: "check" },
      { uris, mode: "apply", hosts: [] },
      { uris, mode: "apply", hosts: [{ machine: "box" }] },
      { uris, mode: "apply", hosts: [{ ssh: "-oProxyCommand=x" }] },
      { uris, mode: "playbook" },
      { uris: [], mode: "check", hosts: [{ ssh: "web1" }] },
      { uris, mode: "push", hosts: [{ ssh: "web1" }] },
      { uris, mode: "check", hosts: [{ ssh: "web1" }], scope: "global" },
    ]) {
      const parsed = parseDeployArgument(bad);
      assert.ok(!parsed.ok && parsed.failure.reason === "invalid-argument", JSON.stringify(bad));
    }
  });
});
