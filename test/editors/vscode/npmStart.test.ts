// `npm start` as the README tells a newcomer to run it: the address it prints opens VS Code on the
// examples, and what is changed there (auto-save is on) leaves the repository as it was.
// Screenshots `npm-start-*` under .artifacts/screenshots/.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { repoRoot } from "../support/paths";
import { freeLoopbackPort, spawnGroup, stopGroup, withTimeout } from "../support/processes";
import { launchChromium, type HeadlessChromium } from "./chromium";
import { Workbench } from "./workbench";

const examplesStatus = () => execFileSync("git", ["status", "--porcelain", "--", "examples"], { cwd: repoRoot, encoding: "utf8" });
let browser: HeadlessChromium | undefined;
let start: ReturnType<typeof spawnGroup> | undefined;

after(async () => {
  await browser?.close();
  if (start) await stopGroup(start);
});

test(
  "npm start prints the address to open, and a session there leaves examples/ in the repository unchanged",
  { timeout: 10 * 60_000 },
  async () => {
    const before = examplesStatus();
    const port = await freeLoopbackPort();
    start = spawnGroup(process.execPath, [join(repoRoot, "scripts/start.mjs")], {
      cwd: repoRoot,
      env: { ...process.env, PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let printed = "";
    start.stdout?.on("data", (chunk: Buffer) => (printed += chunk.toString()));
    start.stderr?.on("data", () => undefined);
    const address = await withTimeout(
      new Promise<string>((resolve, reject) => {
        start!.stdout?.on("data", () => {
          const found = /^ {2}(http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)$/m.exec(printed)?.[1];
          if (found) resolve(found);
        });
        start!.once("exit", (code) => reject(new Error(`npm start exited (${code}) before printing an address:\n${printed}`)));
      }),
      8 * 60_000,
      "npm start's address",
    );
    assert.match(printed, /Open this address/);
    const folder = decodeURIComponent(new URL(address).searchParams.get("folder") ?? "");
    assert.ok(!folder.startsWith(repoRoot), `the session works on a copy, not on ${folder}`);

    browser = await launchChromium();
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const workbench = new Workbench(page);
    await page.goto(address);
    await workbench.waitUntilReady();
    const editor = await workbench.openFile("broken.service");
    const rows = await workbench.problems();
    await rows.filter({ hasText: "did you mean `Restart=on-failure`?" }).first().waitFor({ timeout: 90_000 });
    await workbench.applyQuickFix(editor, "Restart on-failure", "Change to Restart=on-failure", "npm-start-1-fix");
    // Auto-save (afterDelay) writes the fix to the copy.
    for (const deadline = Date.now() + 30_000; !readFileSync(join(folder, "broken.service"), "utf8").includes("Restart=on-failure");) {
      assert.ok(Date.now() < deadline, "auto-save did not write the copy");
      await page.waitForTimeout(250);
    }
    console.log(`    saved: ${await workbench.screenshot("npm-start-2-saved")}`);
    assert.match(readFileSync(join(repoRoot, "examples/broken.service"), "utf8"), /^Restart on-failure$/m);
    assert.equal(examplesStatus(), before, "git status of examples/ is as it was");
  },
);
