// systemd's own configuration files in code-server, driven by Chromium: a journald.conf.d drop-in
// opens as a systemd file, its misspelt value is in the Problems panel and its key hovers with
// the installed journald.conf(5); in a .nspawn file the suggest widget offers [Network]'s keys.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openWorkbench, type WorkbenchSession } from "./workbenchSession";

const DROP_IN = "etc/systemd/journald.conf.d/50-size.conf";
const NSPAWN = "etc/systemd/nspawn/web.nspawn";

let session: WorkbenchSession | undefined;

before(async () => {
  session = await openWorkbench({
    [DROP_IN]: "[Journal]\nStorage=persistant\nSystemMaxUse=1G\n",
    [NSPAWN]: "[Exec]\nBoot=yes\n\n[Network]\n",
  });
});

after(async () => {
  await session?.close();
});

test("a journald.conf.d drop-in: its bad value in the Problems panel, a key's hover", { timeout: 5 * 60_000 }, async () => {
  assert.ok(session);
  const { workbench } = session;
  await session.step("config-journald", async () => {
    const editor = await workbench.openFile("50-size.conf", /systemd/i);
    const rows = await workbench.problems();
    const row = rows.filter({ hasText: "persistant" }).first();
    await row.waitFor({ timeout: 30_000 });
    assert.match(await row.innerText(), /Did you mean "persistent"\?/);
    console.log(`    problems: ${await workbench.screenshot("config-1-journald-problem")}`);

    const hover = await workbench.hover(editor, "SystemMaxUse", "From the installed journald.conf(5)");
    assert.match(await hover.innerText(), /SystemMaxUse= in \[Journal\]/);
    console.log(`    hover: ${await workbench.screenshot("config-2-journald-hover")}`);
  });
});

test("a .nspawn file: completion offers the keys of its section", { timeout: 5 * 60_000 }, async () => {
  assert.ok(session);
  const { page, workbench } = session;
  await session.step("config-nspawn", async () => {
    await page.keyboard.press("Escape");
    const editor = await workbench.openFile("web.nspawn", /systemd/i);
    await workbench.typeAtEnd(editor, "VirtualEth");
    await workbench.suggestion("VirtualEthernet");
    console.log(`    suggestions: ${await workbench.screenshot("config-3-nspawn-completion")}`);
    // The first row, VirtualEthernet (before VirtualEthernetExtra), has the focus: Enter takes it.
    await page.keyboard.press("Enter");
    await page.locator(".suggest-widget.visible").waitFor({ state: "hidden" });
    assert.equal(await workbench.lineContaining(editor, "VirtualEthernet"), "VirtualEthernet=");
  });
});
