import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { freshWorkspace } from "../support/workspace";
import { launchChromium, type HeadlessChromium } from "./chromium";
import { startCodeServer, type CodeServer } from "./codeServer";
import { extensionUnderTest, type ExtensionUnderTest } from "./extensionPath";
import { extensionTestUrl } from "./extensionTestUrl";
import { Workbench } from "./workbench";

const unit = "[Unit]\nDescription=Typed into by the UI test\n\n[Service]\nExecStart=/usr/bin/sleep infinity\n";
const typedLine = "this line is not an assignment";
const typedLineNumber = unit.split("\n").length; // the empty line after the last newline

const workspace = freshWorkspace();
let extension: ExtensionUnderTest | undefined;
let server: CodeServer | undefined;
let browser: HeadlessChromium | undefined;

before(async () => {
  writeFileSync(join(workspace.path, "typed.service"), unit);
  extension = extensionUnderTest();
  server = await startCodeServer({ vsixFiles: extension.vsixFiles });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  workspace.remove();
});

test("a malformed line typed into a unit shows up in the Problems panel", { timeout: 5 * 60_000 }, async () => {
  assert.ok(extension && server && browser);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const workbench = new Workbench(page);
  try {
    await page.goto(
      extensionTestUrl(server.origin, { folder: workspace.path, extensionDevelopmentPath: extension.extensionDevelopmentPath }),
    );
    await workbench.waitUntilReady();
    const editor = await workbench.openFile("typed.service");
    await workbench
      .languageMode()
      .filter({ hasText: /systemd/i })
      .waitFor({ timeout: 30_000 });
    console.log(`    opened: ${await workbench.screenshot("problems-panel-1-opened")}`);

    await workbench.typeAtEnd(editor, typedLine);
    const rows = await workbench.problems();
    const row = rows.filter({ hasText: `[Ln ${typedLineNumber}, Col` });
    await row.first().waitFor({ timeout: 30_000 });
    console.log(`    problems: ${await workbench.screenshot("problems-panel-2-problem")}`);
    assert.match(await row.first().innerText(), /unitsmith/);
  } catch (error) {
    console.log(`    failure: ${await workbench.screenshot("problems-panel-failure").catch(() => "none")}`);
    throw error;
  }
});
