// A user opens a tmpfiles.d file and a udev rules file in code-server: each opens in its own
// language, coloured; completion offers the format's values; a line the reading program refuses
// shows in the Problems panel. The screenshots of the two editors go to docs/images/.
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Locator } from "playwright-core";
import { openWorkbench, type WorkbenchSession } from "./workbenchSession";
import { repoRoot } from "../support/paths";

const TMPFILES = "tmpfiles.d/webapp.conf";
const RULES = "udev/rules.d/70-webapp.rules";
const files = {
  [TMPFILES]:
    "# the web application's state\nd /run/webapp 0750 root root -\nf /var/lib/webapp/state 0640 root root - ready\nd /var/cache/webapp 75o root root 10d\n",
  [RULES]: 'SUBSYSTEM=="usb", ATTRS{idVendor}=="0bda", MODE="0660", GROUP="plugdev"\nKERNEL=="sd*", OWNR="root"\n',
};

let session: WorkbenchSession | undefined;

before(async () => {
  session = await openWorkbench(files);
});

after(async () => {
  await session?.close();
});

/** The colour class (Monaco's mtkN) of the first rendered span whose text matches `text` (a string: exactly). */
async function colourOf(editor: Locator, text: string | RegExp): Promise<string> {
  const pattern = typeof text === "string" ? new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`) : text;
  const span = editor.locator(".view-line span span", { hasText: pattern }).first();
  await span.waitFor({ timeout: 30_000 });
  return (await span.getAttribute("class")) ?? "";
}

test(
  "a tmpfiles.d file: coloured, its modes completed, a mode systemd-tmpfiles refuses in the Problems panel",
  { timeout: 5 * 60_000 },
  async () => {
    assert.ok(session);
    const { page, workbench } = session;
    await session.step("line-formats-tmpfiles", async () => {
      const editor = await workbench.openFile("webapp.conf", "tmpfiles.d");
      const [type, path, comment] = await Promise.all([colourOf(editor, "d"), colourOf(editor, "/run/webapp"), colourOf(editor, /^#/)]); // Monaco draws a comment, its mark included, as one span
      assert.notEqual(type, path, "the type letter and the path are coloured apart");
      assert.notEqual(path, comment);

      const rows = await workbench.problems();
      const row = rows.filter({ hasText: "refuses the mode" }).first();
      await row.waitFor({ timeout: 30_000 });
      assert.match(await row.innerText(), /\[Ln 4, Col/);

      await workbench.typeAtEnd(editor, "d /srv/webapp ");
      await page.keyboard.press("Control+Space");
      const mode = await workbench.suggestion("0750");
      const shot = await workbench.screenshot("line-formats-1-tmpfiles");
      copyFileSync(shot, join(repoRoot, "docs/images/tmpfiles-d.png"));
      await mode.click();
      assert.equal(await workbench.lineContaining(editor, "/srv/webapp"), "d /srv/webapp 0750");
    });
  },
);

test("a udev rules file: coloured, its keys completed, an unknown key in the Problems panel", { timeout: 5 * 60_000 }, async () => {
  assert.ok(session);
  const { page, workbench } = session;
  await session.step("line-formats-udev", async () => {
    const editor = await workbench.openFile("70-webapp.rules", "udev rules");
    const [key, operator, value] = await Promise.all([colourOf(editor, "SUBSYSTEM"), colourOf(editor, "=="), colourOf(editor, '"usb"')]);
    assert.notEqual(key, value, "keys and values are coloured apart");
    assert.notEqual(key, operator);

    const rows = await workbench.problems();
    const row = rows.filter({ hasText: "knows no key" }).first();
    await row.waitFor({ timeout: 30_000 });
    assert.match(await row.innerText(), /OWNR/);

    await workbench.typeAtEnd(editor, 'ACTION=="add", ');
    await page.keyboard.press("Control+Space");
    await workbench.suggestion("SUBSYSTEMS");
    const shot = await workbench.screenshot("line-formats-2-udev");
    copyFileSync(shot, join(repoRoot, "docs/images/udev-rules.png"));
    await page.keyboard.press("Escape");
  });
});
