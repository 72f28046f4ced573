// A user opens the systemd Units view and runs Unitsmith commands from the palette, in code-server
// driven by Chromium. No systemd runs here, so the view and the commands show why they cannot
// reach one; docs/units-view.png is the view's screenshot from this run.
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { repoRoot } from "../support/paths";
import { openWorkbench, type WorkbenchSession } from "./workbenchSession";

const UNIT = "notes-sync.service";
let session: WorkbenchSession | undefined;

before(async () => {
  // In a user unit directory: the commands act on the user manager, whose files live in code-server's scratch profile.
  session = await openWorkbench({
    [`config/systemd/user/${UNIT}`]: "[Unit]\nDescription=Sync notes\n\n[Service]\nExecStart=/usr/bin/true\n",
  });
});

after(async () => {
  await session?.close();
});

test("the units view shows both managers and the palette runs Unitsmith commands", { timeout: 5 * 60_000 }, async () => {
  assert.ok(session);
  const { page, workbench } = session;
  await session.step("operations", async () => {
    await workbench.openFile(UNIT);
    await page.locator(".statusbar-item", { hasText: `${UNIT} no systemd` }).waitFor({ timeout: 60_000 });

    await page.locator('.activitybar .action-item a[aria-label^="systemd"]').click();
    const view = page.locator('.pane:has(.pane-header[aria-label^="Units"])');
    for (const label of ["User", "System"]) await view.locator(".monaco-list-row", { hasText: label }).first().waitFor({ timeout: 30_000 });
    await view.locator(".monaco-list-row", { hasText: "No systemd manager to talk to" }).nth(1).waitFor({ timeout: 30_000 });
    const shot = await workbench.screenshot("operations-1-units-view");
    console.log(`    units view: ${shot}`);
    copyFileSync(shot, join(repoRoot, "docs/units-view.png"));

    await workbench.findCommand("Unitsmith: Start");
    console.log(`    palette: ${await workbench.screenshot("operations-2-palette")}`);
    await page.keyboard.press("Enter");
    await workbench.notification("There is no systemd user manager");
    console.log(`    no systemd: ${await workbench.screenshot("operations-3-no-systemd")}`);

    await workbench.runCommand("Unitsmith: Uninstall");
    const dialog = page.locator(".monaco-dialog-box", { hasText: `Uninstall ${UNIT} from the user manager?` });
    await dialog.waitFor({ timeout: 30_000 });
    console.log(`    uninstall asks: ${await workbench.screenshot("operations-4-uninstall-confirmation")}`);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });
  });
});
