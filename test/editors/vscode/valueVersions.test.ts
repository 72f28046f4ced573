// A user whose units must run on Debian 12 and Ubuntu 24.04 (unitsmith.systemdVersion in the
// workspace settings) types Type= in code-server: the suggest widget marks notify-reload with the
// systemd that added it, and the Problems panel says which target lacks the value once it is taken.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openWorkbench, type WorkbenchSession } from "./workbenchSession";

const UNIT = "reload.service";
const text = "[Unit]\nDescription=Reloads on SIGHUP\n\n[Service]\nExecStart=/usr/bin/python3 -m http.server 8080\n";
const settings = JSON.stringify({ "unitsmith.systemdVersion": "debian-12, ubuntu-24.04" });

let session: WorkbenchSession | undefined;

before(async () => {
  session = await openWorkbench({ [UNIT]: text, ".vscode/settings.json": settings });
});

after(async () => {
  await session?.close();
});

test(
  "completion marks a value with its systemd version, and the finding names the target that lacks it",
  { timeout: 3 * 60_000 },
  async () => {
    assert.ok(session);
    const { page, workbench } = session;
    await session.step("value-versions", async () => {
      const editor = await workbench.openFile(UNIT, /systemd/i);
      await workbench.typeAtEnd(editor, "Type=notify-re");
      const row = await workbench.suggestion("notify-reload");
      console.log(`    suggestion: ${await workbench.screenshot("value-versions-1-suggestion")}`);
      assert.match(await row.innerText(), /systemd 253\+/);
      await row.click();
      await page.locator(".suggest-widget.visible").waitFor({ state: "hidden" });
      assert.equal(await workbench.lineContaining(editor, "Type="), "Type=notify-reload");
      const problems = await workbench.problems();
      await problems.filter({ hasText: "Type=notify-reload needs systemd 253; debian-12 has 252" }).first().waitFor({ timeout: 30_000 });
      console.log(`    problem: ${await workbench.screenshot("value-versions-2-problem")}`);
    });
  },
);
