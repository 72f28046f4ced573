import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openWorkbench, type WorkbenchSession } from "./workbenchSession";

const unit = "[Unit]\nDescription=Typed into by the UI test\n\n[Service]\nExecStart=/usr/bin/sleep infinity\n";
const typedLine = "this line is not an assignment";
const typedLineNumber = unit.split("\n").length; // the empty line after the last newline

let session: WorkbenchSession | undefined;

before(async () => {
  session = await openWorkbench({ "typed.service": unit });
});

after(async () => {
  await session?.close();
});

test("a malformed line typed into a unit shows up in the Problems panel", { timeout: 5 * 60_000 }, async () => {
  assert.ok(session);
  const { page, workbench } = session;
  await session.step("problems-panel", async () => {
    const editor = await workbench.openFile("typed.service", /systemd/i);
    console.log(`    opened: ${await workbench.screenshot("problems-panel-1-opened")}`);

    await workbench.typeAtEnd(editor, typedLine);
    await page.keyboard.press("Escape");
    const rows = await workbench.problems();
    const row = rows.filter({ hasText: `[Ln ${typedLineNumber}, Col` });
    await row.first().waitFor({ timeout: 30_000 });
    console.log(`    problems: ${await workbench.screenshot("problems-panel-2-problem")}`);
    assert.match(await row.first().innerText(), /unitsmith/);
  });
});
