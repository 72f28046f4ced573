// A user writes a unit in code-server, driven by Chromium: picks a value from the suggest widget,
// reads a directive's hover, and asks for the unit's status from the command palette (no systemd
// runs here, so the answer says so). Each step saves a screenshot under .artifacts/screenshots/.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Locator } from "playwright-core";
import { openWorkbench, type WorkbenchSession } from "./workbenchSession";

const UNIT = "webapp.service";
const text = "[Unit]\nDescription=Web application\n\n[Service]\nExecStart=/usr/bin/python3 -m http.server 8080\n";

let session: WorkbenchSession | undefined;
let editor: Locator | undefined;

before(async () => {
  session = await openWorkbench({ [UNIT]: text });
});

after(async () => {
  await session?.close();
});

test("typing Restart= offers its values and on-failure is picked from the list", { timeout: 3 * 60_000 }, async () => {
  assert.ok(session);
  const { page, workbench } = session;
  await session.step("authoring-completion", async () => {
    editor = await workbench.openFile(UNIT, /systemd/i);
    await workbench.typeAtEnd(editor, "Restart=");
    const onFailure = await workbench.suggestion("on-failure");
    console.log(`    suggestions: ${await workbench.screenshot("authoring-1-suggestions")}`);
    await onFailure.click();
    await page.locator(".suggest-widget.visible").waitFor({ state: "hidden" });
    assert.equal(await workbench.lineContaining(editor, "Restart="), "Restart=on-failure");
    console.log(`    accepted: ${await workbench.screenshot("authoring-2-accepted")}`);
  });
});

test("hovering ExecStart shows its summary and the installed man page", { timeout: 3 * 60_000 }, async () => {
  assert.ok(session && editor);
  const { workbench } = session;
  const shown = editor;
  await session.step("authoring-hover", async () => {
    const hover = await workbench.hover(shown, "ExecStart", "From the installed systemd.service(5)");
    console.log(`    hover: ${await workbench.screenshot("authoring-3-hover")}`);
    const content = await hover.innerText();
    assert.match(content, /ExecStart= in \[Service\]/);
    assert.match(content, /executed when this service is started/);
  });
});

test("Unitsmith: Show Status from the palette says there is no systemd", { timeout: 3 * 60_000 }, async () => {
  assert.ok(session);
  const { page, workbench } = session;
  await session.step("authoring-status", async () => {
    await page.keyboard.press("Escape");
    await workbench.findCommand("Unitsmith: Show Status");
    console.log(`    palette: ${await workbench.screenshot("authoring-4-palette")}`);
    await page.keyboard.press("Enter");
    // The file is not in a unit directory, so the command asks which installed unit it means.
    const question = await workbench.notification(`${UNIT} is not in a systemd unit directory`);
    console.log(`    asks: ${await workbench.screenshot("authoring-5-which-unit")}`);
    await question.getByRole("button", { name: "Ask the System Manager" }).click();
    await workbench.notification("There is no systemd system manager to talk to");
    console.log(`    no systemd: ${await workbench.screenshot("authoring-6-no-systemd")}`);
  });
});
