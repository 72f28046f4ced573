// unitsmith deploy against three systemd containers as an Ansible inventory, reached over ssh in a
// private network the test makes: the dry run changes nothing, apply puts the units in place and
// a second apply changes nothing, a host that cannot be reached fails alone, and a unit that does
// not start is reported with its journal.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { deployFiles } from "../../server/src/deploy/companions";
import { runDeploy, type DeployRequest } from "../../server/src/deploy/runDeploy";
import type { HostDeployResult } from "../../server/src/protocol/deploy";
import type { DeployAnswer } from "../../server/src/protocol/operationResults";
import { bootContainer, type Container } from "./harness/container";
import { pollUntil } from "./harness/poll";
import { createSshLab, type SshLab } from "./harness/sshLab";

const bootTimeout = 15 * 60_000;
const testTimeout = 300_000;

const web = `[Unit]
Description=Fleet web

[Service]
ExecStart=/bin/sh -c 'echo fleet web on $(hostname); exec sleep infinity'

[Install]
WantedBy=multi-user.target
`;

const broken = `[Unit]
Description=Does not start

[Service]
ExecStartPre=/bin/sh -c 'echo cannot start: /etc/broken.conf is missing; exit 1'
ExecStart=/bin/sleep infinity
`;

// A service that runs as a user a sysusers.d file makes, in a directory a tmpfiles.d file makes.
const app = `[Unit]
Description=Fleet app

[Service]
User=fleetapp
ReadWritePaths=/var/lib/fleetapp
ExecStart=/bin/sh -c 'id -un > /var/lib/fleetapp/who; exec sleep infinity'
`;

const hello = `[Service]
ExecStart=/bin/sh -c 'echo user unit up > %h/hello-ran; exec sleep infinity'

[Install]
WantedBy=default.target
`;

function results(answer: DeployAnswer): Map<string, HostDeployResult> {
  if (!answer.ok) assert.fail(`expected results, got ${JSON.stringify(answer)}`);
  return new Map(answer.hosts.map((host) => [host.host, host]));
}

describe("deploy to an Ansible inventory of three hosts", () => {
  let hosts: Container[];
  let lab: SshLab;
  let work: string;
  const request = (): DeployRequest => ({
    files: [],
    target: { inventory: `${work}/inventory.ini`, limit: "web" },
    mode: "apply",
    cwd: work,
    exec: { prefix: lab.prefix },
  });
  const deploy = (files: string[], options: Partial<DeployRequest> = {}) =>
    runDeploy({ ...request(), files: files.map((name) => `${work}/${name}`), ...options });
  const isActive = async (container: Container, unit: string) => (await container.run(["systemctl", "is-active", unit])).stdout.trim();

  before(
    async () => {
      hosts = await Promise.all(["fleet-a", "fleet-b", "fleet-c"].map((name) => bootContainer({ name })));
      lab = await createSshLab(hosts);
      for (const container of hosts) {
        await lab.authorize(container, "root");
        await container.addUser("alice");
        await lab.authorize(container, "alice");
      }
      lab.writeSshConfig("");
      work = `${lab.home}/repo`;
      mkdirSync(`${work}/web.service.d`, { recursive: true });
      writeFileSync(`${work}/web.service`, web);
      writeFileSync(`${work}/web.service.d/limits.conf`, "[Service]\nLimitNOFILE=4096\n");
      writeFileSync(`${work}/broken.service`, broken);
      mkdirSync(`${work}/app/tmpfiles.d`, { recursive: true });
      mkdirSync(`${work}/app/sysusers.d`, { recursive: true });
      mkdirSync(`${work}/other/tmpfiles.d`, { recursive: true });
      writeFileSync(`${work}/app/fleetapp.service`, app);
      writeFileSync(`${work}/app/tmpfiles.d/fleetapp.conf`, "d /var/lib/fleetapp 0750 fleetapp fleetapp -\n");
      writeFileSync(`${work}/app/sysusers.d/fleetapp.conf`, 'u fleetapp - "Fleet app"\n');
      writeFileSync(`${work}/other/tmpfiles.d/other.conf`, "d /var/lib/other 0755 root root -\n");
      writeFileSync(`${work}/hello.service`, hello);
      const line = (name: string, address: string) => `${name} ansible_host=${address}`;
      writeFileSync(
        `${work}/inventory.ini`,
        [
          "[web]",
          ...lab.hosts.map((host, index) => line(`web${index + 1}`, host.address)),
          "[alice]",
          ...lab.hosts.map((host, index) => `${line(`alice${index + 1}`, host.address)} ansible_user=alice`),
          "[gone]",
          // An address of the lab's first link where nothing answers.
          line("gone1", "10.217.1.99"),
          "[all:vars]",
          "ansible_user=root",
          "ansible_python_interpreter=/usr/bin/python3",
          "ansible_ssh_timeout=5",
          "",
        ].join("\n"),
      );
    },
    { timeout: bootTimeout },
  );

  after(
    async () => {
      await lab?.stop();
      await Promise.all((hosts ?? []).map((container) => container.stop()));
    },
    { timeout: testTimeout },
  );

  test("the dry run shows each host's diff and changes nothing", { timeout: testTimeout }, async () => {
    const dry = results(await deploy(["web.service", "web.service.d/limits.conf"], { mode: "check" }));
    assert.deepEqual([...dry.keys()], ["web1", "web2", "web3"]);
    for (const [name, host] of dry) {
      assert.equal(host.status, "changed", name);
      assert.ok(
        host.diffs.some((diff) => diff.includes("+ExecStart=/bin/sh -c 'echo fleet web")),
        `${name}: ${host.diffs.join("\n")}`,
      );
    }
    for (const container of hosts) {
      assert.equal((await container.run(["test", "-e", "/etc/systemd/system/web.service"])).code, 1, container.machine);
    }
  });

  test("apply puts the unit and its drop-in in place and starts it; a second apply changes nothing", { timeout: testTimeout }, async () => {
    const saved = `${work}/deploy-web.yml`;
    const applied = results(await deploy(["web.service", "web.service.d/limits.conf"], { savePlaybook: saved }));
    for (const [name, host] of applied) assert.equal(host.status, "changed", `${name}: ${host.reason}`);
    for (const container of hosts) {
      assert.equal(await isActive(container, "web.service"), "active", container.machine);
      const limit = await container.run(["systemctl", "show", "--property=LimitNOFILE", "web.service"]);
      assert.equal(limit.stdout.trim(), "LimitNOFILE=4096");
      assert.equal((await container.run(["systemctl", "is-enabled", "web.service"])).stdout.trim(), "enabled");
    }
    const playbook = readFileSync(saved, "utf8");
    assert.match(playbook, /ansible\.builtin\.copy:/);
    assert.match(playbook, /ansible\.builtin\.systemd_service:/);

    const again = results(await deploy(["web.service", "web.service.d/limits.conf"]));
    for (const [name, host] of again) {
      assert.equal(host.status, "unchanged", name);
      assert.deepEqual(host.diffs, [], name);
    }
  });

  test("a host that cannot be reached fails alone; the others are deployed", { timeout: testTimeout }, async () => {
    writeFileSync(`${work}/web.service`, web.replace("Fleet web", "Fleet web v2"));
    const answer = results(await deploy(["web.service"], { target: { inventory: `${work}/inventory.ini`, limit: "web:gone" } }));
    assert.equal(answer.get("gone1")?.status, "failed");
    assert.match(answer.get("gone1")?.reason ?? "", /ssh|connect|route|timed out/i);
    for (const name of ["web1", "web2", "web3"]) assert.equal(answer.get(name)?.status, "changed", name);
    for (const container of hosts) {
      const description = await container.run(["systemctl", "show", "--property=Description", "web.service"]);
      assert.equal(description.stdout.trim(), "Description=Fleet web v2", "restarted with the new file");
    }
  });

  test("a unit that does not start is a failure with its journal, on every host", { timeout: testTimeout }, async () => {
    const answer = results(await deploy(["broken.service"]));
    for (const [name, host] of answer) {
      assert.equal(host.status, "failed", name);
      assert.match(host.reason ?? "", /broken\.service/, name);
      assert.match(host.journal ?? "", /cannot start: \/etc\/broken\.conf is missing/, name);
    }
  });

  test(
    "companions: the unit with the sysusers.d and tmpfiles.d files that make its user and directory",
    { timeout: testTimeout },
    async () => {
      const files = await deployFiles([`${work}/app/fleetapp.service`], true, work, "system");
      assert.deepEqual(
        files.map((file) => file.slice(work.length + 1)),
        ["app/fleetapp.service", "app/sysusers.d/fleetapp.conf", "app/tmpfiles.d/fleetapp.conf"],
      );
      const applied = results(await runDeploy({ ...request(), files }));
      for (const [name, host] of applied) assert.equal(host.status, "changed", `${name}: ${host.reason}`);
      for (const container of hosts) {
        assert.equal(await isActive(container, "fleetapp.service"), "active", container.machine);
        const owner = await container.run(["stat", "--format=%U %a", "--", "/var/lib/fleetapp"]);
        assert.equal(owner.stdout.trim(), "fleetapp 750");
        await pollUntil("the service's own file", Date.now() + 60_000, async () =>
          (await container.run(["cat", "/var/lib/fleetapp/who"])).stdout.trim() === "fleetapp" ? true : undefined,
        );
      }
      const again = results(await runDeploy({ ...request(), files }));
      for (const [name, host] of again) assert.equal(host.status, "unchanged", name);
    },
  );

  test("user units go to the remote account's own manager, and a second run changes nothing", { timeout: testTimeout }, async () => {
    const user = { scope: "user" as const, target: { inventory: `${work}/inventory.ini`, limit: "alice" } };
    const dry = results(await deploy(["hello.service"], { ...user, mode: "check" }));
    assert.deepEqual([...dry.keys()], ["alice1", "alice2", "alice3"]);
    for (const [name, host] of dry) assert.equal(host.status, "changed", name);
    const applied = results(await deploy(["hello.service"], user));
    for (const [name, host] of applied) assert.equal(host.status, "changed", `${name}: ${host.reason}`);
    for (const container of hosts) {
      const owner = await container.run(["stat", "--format=%U", "--", "/home/alice/.config/systemd/user/hello.service"]);
      assert.equal(owner.stdout.trim(), "alice", container.machine);
      await pollUntil("the user unit's file", Date.now() + 60_000, async () =>
        (await container.run(["cat", "/home/alice/hello-ran"])).stdout.trim() === "user unit up" ? true : undefined,
      );
      assert.equal((await container.run(["test", "-e", "/etc/systemd/system/hello.service"])).code, 1, "not a system unit");
    }
    const again = results(await deploy(["hello.service"], user));
    for (const [name, host] of again) assert.equal(host.status, "unchanged", `${name}: ${host.diffs.join("\n")}`);
  });
});
