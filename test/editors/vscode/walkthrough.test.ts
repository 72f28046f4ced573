// The walkthrough in code-server, driven by Chromium as a first user meets it: opened from the
// command palette, every step shown with its title from package.nls.json, a step's page rendered
// beside it, and a step ticked off by doing what it asks. Its screenshot is the manual's
// docs/images/walkthrough.png; the others are `walkthrough-*` under .artifacts/screenshots/.
import assert from "node:assert/strict";
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { localisedManifest } from "../../support/manifest";
import { repoRoot } from "../support/paths";
import { openWorkbench, type WorkbenchSession } from "./workbenchSession";

interface Walkthrough {
  title: string;
  steps: { id: string; title: string }[];
}

const [walkthrough] = (localisedManifest() as { contributes: { walkthroughs: Walkthrough[] } }).contributes.walkthroughs;

let session: WorkbenchSession | undefined;

before(async () => {
  session = await openWorkbench({ "broken.service": readFileSync(join(repoRoot, "examples/broken.service"), "utf8") });
});

after(async () => {
  await session?.close();
});

test(
  "the walkthrough opens from the command palette and shows its steps, each page and its progress",
  { timeout: 4 * 60_000 },
  async () => {
    assert.ok(session && walkthrough);
    const { page, workbench } = session;
    await session.step("walkthrough-open", async () => {
      await workbench.runCommand("Welcome: Open Walkthrough...");
      await page.locator(".quick-input-list .monaco-list-row", { hasText: walkthrough.title }).first().click();
      const steps = page.locator(".getting-started-step");
      await steps.first().waitFor({ timeout: 60_000 });
      const shown = (await page.locator(".getting-started-step .step-title").allInnerTexts()).map((title) => title.trim());
      assert.deepEqual(
        shown,
        walkthrough.steps.map((step) => step.title),
      );

      // The first step is open; its page (our Markdown) is drawn in a webview beside the steps.
      const media = page.frameLocator(".getting-started-media iframe.webview.ready").frameLocator("iframe#active-frame");
      await media.locator("h1", { hasText: "A unit file, understood" }).waitFor({ timeout: 60_000 });
      const shot = await workbench.screenshot("walkthrough-first-step");
      copyFileSync(shot, join(repoRoot, "docs/images/walkthrough.png"));
      console.log(`    first step: ${shot}`);

      // Its button opens Quick Open on unit files; opening one is what the step asks, and ticks it off.
      const first = steps.filter({ hasText: walkthrough.steps[0]!.title });
      await first.getByRole("button", { name: "Open a Unit File", exact: true }).click();
      await page.locator(".quick-input-list .monaco-list-row", { hasText: "broken.service" }).first().click();
      await page.locator(".tab.active", { hasText: "broken.service" }).waitFor({ timeout: 30_000 });
      await page.locator(".tab", { hasText: "Walkthrough:" }).first().click();
      await page
        .locator('.getting-started-step[aria-checked="true"]', { hasText: walkthrough.steps[0]!.title })
        .waitFor({ timeout: 30_000 });
      console.log(`    first step done: ${await workbench.screenshot("walkthrough-first-step-done")}`);

      // Another step's page, with the rule id a finding carries.
      await steps.filter({ hasText: walkthrough.steps[1]!.title }).click();
      await media.locator("h1", { hasText: "One problem, one finding, one fix" }).waitFor({ timeout: 60_000 });
      assert.match(await media.locator("body").innerText(), /unitsmith-disable-next-line unknown-directive/);
      console.log(`    second step: ${await workbench.screenshot("walkthrough-second-step")}`);
    });
  },
);
