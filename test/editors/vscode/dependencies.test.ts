// Show Dependencies in code-server, driven by Chromium: the webview draws the units around the
// editor's unit, and a click on one opens its file. Screenshot `dependencies-*` under
// .artifacts/screenshots/.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openWorkbench, type WorkbenchSession } from "./workbenchSession";

let session: WorkbenchSession | undefined;

before(async () => {
  session = await openWorkbench({
    "web.service":
      "[Unit]\nDescription=Web front end\nWants=db.service\nAfter=db.service network-online.target\n\n[Service]\nExecStart=/usr/bin/true\n\n[Install]\nWantedBy=multi-user.target\n",
    "db.service": "[Unit]\nDescription=Database\n\n[Service]\nExecStart=/usr/bin/true\n",
  });
});

after(async () => {
  await session?.close();
});

test("Show Dependencies draws the unit's neighbourhood in a webview and opens a clicked unit's file", { timeout: 4 * 60_000 }, async () => {
  assert.ok(session);
  const { page, workbench } = session;
  await session.step("dependencies-graph", async () => {
    await workbench.openFile("web.service");
    await workbench.runCommand("Unitsmith: Show Dependencies");
    await page.locator(".quick-input-list .monaco-list-row", { hasText: "1 step out" }).first().click();
    const graph = page.frameLocator("iframe.webview.ready").frameLocator("iframe#active-frame").locator("#graph svg");
    await graph.locator("g.node").first().waitFor({ timeout: 60_000 });
    const units = (await graph.locator("g.node title").allTextContents()).sort();
    assert.deepEqual(units, ["db.service", "multi-user.target", "network-online.target", "web.service"]);
    console.log(`    graph: ${await workbench.screenshot("dependencies-graph")}`);
    await graph.locator("g.node", { hasText: "db.service" }).click();
    await page.locator(".tab", { hasText: "db.service" }).first().waitFor({ timeout: 30_000 });
    console.log(`    opened: ${await workbench.screenshot("dependencies-opened")}`);
  });
});
