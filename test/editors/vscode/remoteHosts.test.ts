// Other hosts and Deploy to Hosts as a user sees them, in code-server driven by Chromium: two
// systemd containers with sshd in a private network namespace (test/systemd/harness/sshLab.ts),
// named in unitsmith.hosts with a third host where nothing answers. code-server and Chromium run
// as the lab's operator (its network, its ~/.ssh), so the extension reaches the hosts with the
// user's own ssh. Refreshes docs/images/deploy-to-hosts.png and docs/images/remote-hosts.png.
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { bootContainer, type Container } from "../../systemd/harness/container";
import { createSshLab, type SshLab } from "../../systemd/harness/sshLab";
import { repoRoot } from "../support/paths";
import { openWorkbench, type WorkbenchSession } from "./workbenchSession";

const web = `[Unit]
Description=Fleet web

[Service]
StateDirectory=fleetweb
ExecStart=/bin/sh -c 'echo serving on $(hostname); exec sleep infinity'

[Install]
WantedBy=multi-user.target
`;

let hosts: Container[] = [];
let lab: SshLab | undefined;
let session: WorkbenchSession | undefined;

before(
  async () => {
    hosts = await Promise.all(["ui-web-a", "ui-web-b"].map((name) => bootContainer({ name })));
    lab = await createSshLab(hosts);
    for (const container of hosts) await lab.authorize(container, "root");
    lab.writeSshConfig(
      [
        ...lab.hosts.map((host, index) => `Host web${index + 1}\n  HostName ${host.address}\n  User root\n`),
        // On the first link, where no machine has this address: ssh gives up with "No route to host".
        "Host gone\n  HostName 10.217.1.99\n  User root\n  ConnectTimeout 5\n",
      ].join("\n"),
    );
    session = await openWorkbench(
      {
        "web.service": web,
        "web.service.d/limits.conf": "[Service]\nLimitNOFILE=8192\n",
        "packaging/tmpfiles.d/fleetweb.conf": "d /var/lib/fleetweb/cache 0750 root root -\n",
      },
      { settings: { "unitsmith.hosts": "web1, web2, gone" }, prefix: lab.prefix },
    );
  },
  { timeout: 15 * 60_000 },
);

after(
  async () => {
    await session?.close();
    await lab?.stop();
    await Promise.all(hosts.map((container) => container.stop()));
  },
  { timeout: 5 * 60_000 },
);

test(
  "the units view has a group per host, and Deploy to Hosts shows the dry run's diff, then each host's result",
  { timeout: 15 * 60_000 },
  async () => {
    assert.ok(session);
    const { page, workbench } = session;
    const view = page.locator('.pane:has(.pane-header[aria-label^="Units"])');
    const row = (text: string | RegExp) => view.locator(".monaco-list-row", { hasText: text });

    const filterUnits = async (text: string) => {
      await workbench.runCommand("Unitsmith: Filter Units");
      const input = page.locator(".quick-input-widget input[type=text]");
      await input.waitFor();
      await input.fill(text);
      await page.keyboard.press("Enter");
    };

    /**
     * Opens each host that is closed (a refresh of the view while it loads can close one again),
     * until both hosts list a unit row that matches and the third says it cannot be reached.
     */
    const untilBothHostsShow = async (unitRow: RegExp) => {
      const deadline = Date.now() + 180_000;
      while ((await row(unitRow).count()) < 2 || (await row("Could not reach the host").count()) < 1) {
        assert.ok(Date.now() < deadline, `each host's group shows ${unitRow} or why not`);
        for (const host of ["web1", "web2", "gone"]) {
          const closed = view.locator('.monaco-list-row[aria-expanded="false"]', { hasText: new RegExp(`^${host}$`) });
          if ((await closed.count()) > 0) await closed.first().click();
        }
        await page.waitForTimeout(2_000);
      }
    };

    await session.step("remote-view", async () => {
      await workbench.openFile("web.service", "systemd");
      await page.locator('.activitybar .action-item a[aria-label^="systemd"]').click();
      for (const host of ["web1", "web2", "gone"])
        await row(new RegExp(`^${host}$`))
          .first()
          .waitFor({ timeout: 60_000 });
      // A filter keeps each host's groups short; each host's group is closed until opened, and nothing connects before.
      await filterUnits("ssh.service");
      await untilBothHostsShow(/^ssh\.service\s*active \(running\)/);
    });

    await session.step("deploy", async () => {
      await workbench.openFile("web.service", "systemd");
      await workbench.runCommand("Unitsmith: Deploy to Hosts…");
      const pick = (label: string) => page.locator(".quick-input-widget .quick-input-list .monaco-list-row", { hasText: label }).first();
      await pick("Every host of unitsmith.hosts").click({ timeout: 120_000 });
      await pick("System").click({ timeout: 30_000 });

      await page.locator(".tab.active", { hasText: "web.service.dry-run.diff" }).waitFor({ timeout: 5 * 60_000 });
      const editor = page.locator(".editor-instance .monaco-editor").first();
      await editor.locator(".view-line", { hasText: "# web1: would change" }).waitFor({ timeout: 30_000 });
      await editor.locator(".view-line", { hasText: "+ExecStart=/bin/sh -c 'echo serving on" }).first().waitFor();
      await editor.locator(".view-line", { hasText: "# gone: failed" }).waitFor();
      console.log(`    dry run: ${await workbench.screenshot("remote-1-dry-run")}`);
      for (const container of hosts) {
        assert.equal((await container.run(["test", "-e", "/etc/systemd/system/web.service"])).code, 1, "the dry run changed nothing");
      }

      const ask = await workbench.notification("Dry run of web.service: 2 would change, 1 failed. Apply it?");
      await ask.getByRole("button", { name: "Apply" }).click();
      await page.locator(".tab.active", { hasText: "web.service.result.diff" }).waitFor({ timeout: 5 * 60_000 });
      const result = page.locator(".editor-instance .monaco-editor").first();
      for (const line of ["# web1: changed", "# web2: changed", "# gone: failed"])
        await result.locator(".view-line", { hasText: line }).waitFor();
      await workbench.notification("Deployed web.service: 2 changed, 1 failed.");
      const shot = await workbench.screenshot("remote-2-deploy-result");
      console.log(`    deployed: ${shot}`);
      copyFileSync(shot, join(repoRoot, "docs/images/deploy-to-hosts.png"));
      for (const container of hosts) {
        assert.equal((await container.run(["systemctl", "is-active", "web.service"])).stdout.trim(), "active", container.machine);
        assert.equal(
          (await container.run(["stat", "--format=%a", "/var/lib/fleetweb/cache"])).stdout.trim(),
          "750",
          "the tmpfiles.d companion",
        );
        const limit = await container.run(["systemctl", "show", "--property=LimitNOFILE", "web.service"]);
        assert.equal(limit.stdout.trim(), "LimitNOFILE=8192", "the drop-in went with it");
      }
    });

    await session.step("remote-filtered", async () => {
      await filterUnits("web.service");
      await untilBothHostsShow(/^web\.service\s*active \(running\)/);
      // The unit beside the view that shows it on each host, rather than the deploy result again.
      await workbench.openFile("web.service", "systemd");
      const shot = await workbench.screenshot("remote-3-units-per-host");
      console.log(`    units per host: ${shot}`);
      copyFileSync(shot, join(repoRoot, "docs/images/remote-hosts.png"));
    });
  },
);
