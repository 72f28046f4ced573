// What a newcomer meets in the first minutes in code-server, driven by Chromium: the broken
// example fixed from the quick fix menu, hovers and CodeLens, Install and Uninstall with no
// service manager to reach, prompts that say what is true and failures that stay visible.
// Screenshots `first-*` under .artifacts/screenshots/.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { repoRoot } from "../support/paths";
import { openWorkbench, type WorkbenchSession } from "./workbenchSession";

const example = (name: string) => readFileSync(join(repoRoot, "examples", name), "utf8");
const WEBAPP = "webapp.service";

let session: WorkbenchSession | undefined;

before(async () => {
  session = await openWorkbench({
    "broken.service": example("broken.service"),
    // A program that is not installed here: systemd-analyze reports it, and nothing of ours does.
    "saved.service": example("broken.service").replace("ExecStart=/usr/bin/sleep infinity", "ExecStart=/usr/bin/unitsmith-no-such-program"),
    "documented.service":
      "[Unit]\nDescription=Links to its manual\nDocumentation=man:systemd.service(5)\n\n[Service]\nExecStart=/usr/bin/true\n",
    [WEBAPP]: example(WEBAPP),
  });
});

after(async () => {
  await session?.close();
});

test("each mistake in broken.service is fixed from the quick fix menu", { timeout: 4 * 60_000 }, async () => {
  assert.ok(session);
  const { page, workbench } = session;
  await session.step("first-quick-fixes", async () => {
    const editor = await workbench.openFile("broken.service");
    const rows = await workbench.problems();
    await rows.filter({ hasText: "did you mean `Restart=on-failure`?" }).first().waitFor({ timeout: 30_000 });
    const missingEquals = "Change to Restart=on-failure";
    console.log(
      `    missing =: ${await workbench.applyQuickFix(editor, "Restart on-failure", missingEquals, "first-1-missing-equals-fix")}`,
    );
    assert.equal(await workbench.lineContaining(editor, "Restart="), "Restart=on-failure");

    const inWords = "Change to TimeoutStartSec=5min";
    console.log(`    time in words: ${(await workbench.applyQuickFix(editor, "TimeoutStartSec=", inWords, "first-2-time-span-fix")).shot}`);
    assert.equal(await workbench.lineContaining(editor, "TimeoutStartSec="), "TimeoutStartSec=5min");

    await workbench.applyQuickFix(editor, "RestartSecs=", "RestartSec", "first-3-misspelled-fix");
    await rows.first().waitFor({ state: "detached", timeout: 30_000 });
    console.log(`    no problems left: ${await workbench.screenshot("first-4-fixed")}`);
    await page.keyboard.press("Control+S");
  });
});

test("hover, CodeLens and the output channel keep the README's promises", { timeout: 4 * 60_000 }, async () => {
  assert.ok(session);
  const { page, workbench } = session;
  await session.step("first-promises", async () => {
    const editor = await workbench.openFile(WEBAPP);
    await editor.locator(".codelens-decoration", { hasText: "not installed · Install…" }).waitFor({ timeout: 30_000 });
    const hover = await workbench.hover(editor, "Restart", "Default:");
    console.log(`    hover and CodeLens: ${await workbench.screenshot("first-5-hover-codelens")}`);
    assert.match(await hover.innerText(), /Default: no\./);
    await page.keyboard.press("Escape");
    const log = await workbench.outputChannel("Unitsmith", /Unitsmith \S+: checking for systemd/);
    console.log(`    output channel: ${await workbench.screenshot("first-6-output-start-line")}`);
    assert.match(log, /Unitsmith \S+: checking for systemd \d+ \(installed\); man pages: systemd\.unit\(5\)/);
  });
});

test("Install and Uninstall with no user manager say what they did and what they could not", { timeout: 4 * 60_000 }, async () => {
  assert.ok(session);
  const { page, workbench } = session;
  const pick = async (label: string) => {
    await page.locator(".quick-input-list .monaco-list-row", { hasText: label }).first().waitFor();
    await page.locator(".quick-input-widget input[type=text]").fill(label);
    await page.keyboard.press("Enter");
  };
  await session.step("first-install", async () => {
    await workbench.openFile(WEBAPP);
    await workbench.runCommand("Unitsmith: Install");
    await pick("User");
    await pick("Install, Enable and Start");
    const done = await workbench.notification(`/systemd/user/${WEBAPP}.`);
    console.log(`    installed: ${await workbench.screenshot("first-7-install-steps")}`);
    assert.match(
      await done.innerText(),
      /Wrote \S+\/systemd\/user\/webapp\.service\. Not done: reload the user manager, enable and start webapp\.service\./,
    );
    await workbench.statusBarItem(`${WEBAPP} installed (file present), manager unreachable`);
    await page.keyboard.press("Control+Shift+P");
    await page.keyboard.press("Escape");
    console.log(`    status bar: ${await workbench.screenshot("first-8-installed-unreachable")}`);

    await workbench.runCommand("Unitsmith: Uninstall");
    const question = await workbench.notification("so systemd does not read it from here");
    await question.getByRole("button", { name: "Ask the User Manager" }).click();
    const dialog = page.locator(".monaco-dialog-box", { hasText: `Uninstall ${WEBAPP} from the user manager?` });
    await dialog.getByRole("button", { name: "Uninstall" }).click();
    const removed = await workbench.notification(`Removed `);
    assert.match(
      await removed.innerText(),
      /Removed \S+\/systemd\/user\/webapp\.service\. Not done: stop, disable and reload the user manager\./,
    );
    await workbench.statusBarItem(`${WEBAPP} not installed`);
    console.log(`    uninstalled: ${await workbench.screenshot("first-9-uninstalled")}`);
    const log = await workbench.outputChannel("Unitsmith", /unitsmith\.systemd\.uninstall /);
    assert.match(log, /\d\d:\d\d:\d\d\.\d+ \[warning\] Wrote \S+\/webapp\.service\. Not done: /);
    assert.match(log, /\d\d:\d\d:\d\d\.\d+ \[info\] unitsmith\.systemd\.uninstall \{.*"scope":"user".*\}: Removed /);
  });
});

test(
  "Show Status says the file is not installed, and a repeated failure stays visible with its time",
  { timeout: 4 * 60_000 },
  async () => {
    assert.ok(session);
    const { page, workbench } = session;
    await session.step("first-repeated-failure", async () => {
      await workbench.openFile(WEBAPP);
      for (const round of [1, 2]) {
        await workbench.runCommand("Unitsmith: Show Status");
        const question = await workbench.notification("is not in a systemd unit directory, so systemd does not read it from here");
        assert.doesNotMatch(await question.innerText(), /that is installed/);
        if (round === 1) console.log(`    asks: ${await workbench.screenshot("first-10-status-question")}`);
        await question.getByRole("button", { name: "Ask the System Manager" }).click();
        await workbench.notification("There is no systemd system manager to talk to");
      }
      const item = await workbench.statusBarItem(/There is no systemd system manager.*\(2×\) \d\d:\d\d:\d\d/);
      console.log(`    repeated: ${await workbench.screenshot("first-11-repeated-failure")}`);
      assert.ok(await item.isVisible());
      const log = await workbench.outputChannel("Unitsmith", /\[error\] There is no systemd system manager/);
      assert.equal(log.match(/\d\d:\d\d:\d\d\.\d+ \[error\] There is no systemd system manager/g)?.length, 2);
      await page.keyboard.press("Escape");
    });
  },
);

test("a man: link opens the rendered page", { timeout: 4 * 60_000 }, async () => {
  assert.ok(session);
  const { page, workbench } = session;
  await session.step("first-man-page", async () => {
    const editor = await workbench.openFile("documented.service");
    await editor
      .locator(".view-line span", { hasText: "systemd.service(5)" })
      .first()
      .click({ modifiers: ["Control"] });
    await page.locator(".tab.active", { hasText: "Preview systemd.service(5)" }).waitFor({ timeout: 30_000 });
    const frame = page.frameLocator("iframe.webview.ready").frameLocator("iframe#active-frame");
    await frame.locator("h1, h2").first().waitFor({ timeout: 30_000 });
    console.log(`    rendered: ${await workbench.screenshot("first-12-man-page")}`);
    assert.equal(await page.locator(".tab", { hasText: /^systemd\.service\(5\)\.md/ }).count(), 0, "the raw Markdown editor is closed");
    assert.doesNotMatch(await frame.locator("body").innerText(), /^##|\*\*/m);
  });
});

// The merge of systemd-analyze's findings with Unitsmith's own is the language server's; this looks
// at what the Problems panel shows after a save: each of Unitsmith's problems once, systemd-analyze's
// findings beside them, and no problem of one line reported by both sources.
test("after save, the Problems panel lists each problem once, Unitsmith's and systemd-analyze's", { timeout: 4 * 60_000 }, async () => {
  assert.ok(session);
  const { page, workbench } = session;
  await session.step("first-problems-after-save", async () => {
    await workbench.openFile("saved.service");
    await page.keyboard.press("Control+S");
    const rows = await workbench.problems();
    await rows.filter({ hasText: "systemd-analyze" }).first().waitFor({ timeout: 60_000 });
    console.log(`    after save: ${await workbench.screenshot("first-13-problems-after-save")}`);
    const texts = (await rows.allInnerTexts()).map((text) => text.replace(/\s+/g, " ")).filter((text) => /\[Ln \d+/.test(text));
    const own = texts.filter((text) => / unitsmith \S+ \[Ln/.test(text));
    assert.deepEqual([...new Set(own)], own, "each of Unitsmith's problems is listed once");
    assert.equal(own.length, 3);
    const lineOf = (text: string) => /\[Ln (\d+),/.exec(text)?.[1];
    const ownLines = new Set(own.map(lineOf));
    const both = texts.filter((text) => text.includes("systemd-analyze") && ownLines.has(lineOf(text)));
    assert.deepEqual(both, [], "systemd-analyze repeats none of Unitsmith's problems");
    assert.ok(
      texts.some((text) => text.includes("systemd-analyze") && /unitsmith-no-such-program/.test(text)),
      texts.join("\n"),
    );
  });
});

test(
  "the security analysis of a Node.js service offers one Harden this service action, without MemoryDenyWriteExecute=",
  { timeout: 4 * 60_000 },
  async () => {
    assert.ok(session);
    const { page, workbench } = session;
    await session.step("first-harden", async () => {
      const editor = await workbench.openFile(WEBAPP);
      await workbench.runCommand("Unitsmith: Security Analysis");
      await workbench.notification("security checks failed");
      const rows = await workbench.problems();
      await rows.filter({ hasText: "systemd-analyze security" }).first().waitFor({ timeout: 60_000 });
      const { shot, offered } = await workbench.applyQuickFix(editor, "[Service]", "Harden this service", "first-14-harden");
      console.log(`    offered: ${shot}\n      ${offered.join("\n      ")}`);
      assert.equal(offered.filter((title) => title.startsWith("Harden this service")).length, 1);
      assert.ok(!offered.some((title) => title.includes("MemoryDenyWriteExecute")), offered.join("; "));
      assert.ok(offered.length < 5, `a short menu, not one entry per finding: ${offered.join("; ")}`);
      assert.equal(await editor.locator(".view-line", { hasText: "MemoryDenyWriteExecute" }).count(), 0);
      await page.keyboard.press("Control+End");
      await workbench.lineContaining(editor, "ProtectKernelLogs=yes");
      console.log(`    hardened: ${await workbench.screenshot("first-15-hardened")}`);
    });
  },
);
