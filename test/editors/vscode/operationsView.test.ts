// A user opens the systemd Units view and runs Unitsmith commands from the palette, in code-server
// driven by Chromium. No systemd runs here, so the view and the commands show why they cannot
// reach one; docs/units-view.png is the view's screenshot from this run.
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { repoRoot } from "../support/paths";
import { freshWorkspace } from "../support/workspace";
import { launchChromium, type HeadlessChromium } from "./chromium";
import { startCodeServer, type CodeServer } from "./codeServer";
import { extensionUnderTest, type ExtensionUnderTest } from "./extensionPath";
import { extensionTestUrl } from "./extensionTestUrl";
import { Workbench } from "./workbench";

const UNIT = "notes-sync.service";
const workspace = freshWorkspace();
let extension: ExtensionUnderTest | undefined;
let server: CodeServer | undefined;
let browser: HeadlessChromium | undefined;

before(async () => {
  // In a user unit directory: the commands act on the user manager, whose files live in code-server's scratch profile.
  const dir = join(workspace.path, "config/systemd/user");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, UNIT), "[Unit]\nDescription=Sync notes\n\n[Service]\nExecStart=/usr/bin/true\n");
  extension = extensionUnderTest();
  server = await startCodeServer({ vsixFiles: extension.vsixFiles });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  workspace.remove();
});

/** Runs a command from the palette by its title. */
async function runFromPalette(page: Page, title: string, screenshot?: () => Promise<string>): Promise<void> {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input[type=text]");
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first().waitFor();
  if (screenshot) console.log(`    palette: ${await screenshot()}`);
  await page.keyboard.press("Enter");
}

test("the units view shows both managers and the palette runs Unitsmith commands", { timeout: 5 * 60_000 }, async () => {
  assert.ok(extension && server && browser);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const workbench = new Workbench(page);
  try {
    await page.goto(
      extensionTestUrl(server.origin, { folder: workspace.path, extensionDevelopmentPath: extension.extensionDevelopmentPath }),
    );
    await workbench.waitUntilReady();
    await workbench.openFile(UNIT);
    await page.locator(".statusbar-item", { hasText: `${UNIT} no systemd` }).waitFor({ timeout: 60_000 });

    await page.locator('.activitybar .action-item a[aria-label^="systemd"]').click();
    const view = page.locator('.pane:has(.pane-header[aria-label^="Units"])');
    for (const label of ["User", "System"]) await view.locator(".monaco-list-row", { hasText: label }).first().waitFor({ timeout: 30_000 });
    await view.locator(".monaco-list-row", { hasText: "No systemd manager to talk to" }).nth(1).waitFor({ timeout: 30_000 });
    const shot = await workbench.screenshot("operations-1-units-view");
    console.log(`    units view: ${shot}`);
    copyFileSync(shot, join(repoRoot, "docs/units-view.png"));

    await runFromPalette(page, "Unitsmith: Start", () => workbench.screenshot("operations-2-palette"));
    await page.locator(".notification-toast", { hasText: "There is no systemd user manager" }).waitFor({ timeout: 30_000 });
    await page.locator(".notification-toast.notification-fade-in-done").waitFor({ timeout: 30_000 });
    console.log(`    no systemd: ${await workbench.screenshot("operations-3-no-systemd")}`);

    await runFromPalette(page, "Unitsmith: Uninstall");
    const dialog = page.locator(".monaco-dialog-box", { hasText: `Uninstall ${UNIT} from the user manager?` });
    await dialog.waitFor({ timeout: 30_000 });
    console.log(`    uninstall asks: ${await workbench.screenshot("operations-4-uninstall-confirmation")}`);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });
  } catch (error) {
    console.log(`    failure: ${await workbench.screenshot("operations-failure").catch(() => "none")}`);
    throw error;
  }
});
