// The web extension in a real VS Code for the web: code-server's web worker extension host, told
// to run Unitsmith there (extensions.webWorker, remote.extensionKind "web"), loads the `browser`
// entry, which starts the language server in a worker of its own. Shown in Chromium; refreshes
// docs/images/browser-web-worker.png.
import assert from "node:assert/strict";
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { repoRoot } from "../support/paths";
import { freshWorkspace } from "../support/workspace";
import { launchChromium } from "../vscode/chromium";
import { startCodeServer } from "../vscode/codeServer";
import { extensionTestUrl } from "../vscode/extensionTestUrl";
import { Workbench } from "../vscode/workbench";

test(
  "the browser entry runs in code-server's web worker extension host: its notice, diagnostics, a hover",
  { timeout: 300_000 },
  async () => {
    const workspace = freshWorkspace();
    writeFileSync(join(workspace.path, "web.service"), "[Unit]\nDescription=Web\n\n[Service]\nExecStart=/usr/bin/web\nRestrat=always\n");
    const server = await startCodeServer({
      settings: { "extensions.webWorker": true, "remote.extensionKind": { "unitsmith.unitsmith": ["web"] } },
    });
    const browser = await launchChromium();
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const errors: string[] = [];
    page.on("console", (message) => {
      if (/unitsmith/i.test(message.text()) && message.type() === "error") errors.push(message.text());
    });
    try {
      await page.goto(extensionTestUrl(server.origin, { folder: workspace.path, extensionDevelopmentPath: repoRoot }));
      const workbench = new Workbench(page);
      await workbench.waitUntilReady();
      const editor = await workbench.openFile("web.service");
      // Only the browser entry says this; the Node entry never does.
      await workbench.notification("Unitsmith in the browser");
      await page.locator(".squiggly-error").first().waitFor({ timeout: 60_000 });
      await workbench.hover(editor, "ExecStart", "Command (with arguments) run to start the service");
      copyFileSync(await workbench.screenshot("browser-web-worker"), join(repoRoot, "docs/images/browser-web-worker.png"));
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await server.stop();
      workspace.remove();
    }
  },
);
