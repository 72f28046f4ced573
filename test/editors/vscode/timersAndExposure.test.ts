// When a timer fires and how exposed a service is, in code-server driven by Chromium: a timer's
// hover lists the next elapses systemd-analyze calendar lists, with the opt-in next-elapse hint on
// its line; a service's lens shows the score systemd-analyze security gives it, and Harden this
// service previews the score it reaches, which the lens shows once it is taken. The screenshots go
// to docs/images/ for the README.
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { runAnalyze } from "../../../server/test/values/systemdAnalyze";
import { repoRoot } from "../support/paths";
import { openWorkbench, type WorkbenchSession } from "./workbenchSession";

const EXPRESSION = "Mon..Fri 03:00 Europe/Berlin";
const TIMER = `[Unit]\nDescription=Nightly backup on weekdays\n\n[Timer]\nOnCalendar=${EXPRESSION}\nRandomizedDelaySec=10min\nPersistent=true\n`;
const SERVICE = "[Unit]\nDescription=Web application\n\n[Service]\nExecStart=/usr/bin/python3 -m http.server 8080\n";
/** The zone code-server's extension host runs in: this process's, since it inherits the environment. */
const LOCAL_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const ELAPSE = /(\w{3} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S+) = /g;

let session: WorkbenchSession | undefined;

before(async () => {
  session = await openWorkbench({
    "backup.timer": TIMER,
    "web.service": SERVICE,
    ".vscode/settings.json": JSON.stringify({ "unitsmith.inlayHints.calendarElapses": true }),
  });
});

after(async () => {
  await session?.close();
});

/** systemd-analyze's overall exposure for a service file of `text`, offline. */
async function systemdExposure(text: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "unitsmith-ui-exposure-"));
  try {
    writeFileSync(join(dir, "web.service"), text);
    const run = await runAnalyze("security", [join(dir, "web.service")], ["--offline=true"]);
    const overall = /Overall exposure level for web\.service: (\d+\.\d) (\w+)/.exec(run.stdout);
    assert.ok(overall, run.stdout + run.stderr);
    return `${overall[1]} ${overall[2]}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test(
  "a timer's hover lists the elapses systemd-analyze lists, and its next elapse shows on the line",
  { timeout: 5 * 60_000 },
  async () => {
    assert.ok(session);
    const { workbench } = session;
    await session.step("timer-hover", async () => {
      const editor = await workbench.openFile("backup.timer", /systemd/i);
      const hint = await workbench.lineContaining(editor, "next: ");
      assert.match(hint, /^OnCalendar=Mon\.\.Fri 03:00 Europe\/Berlin\s*next: \w{3} /);
      const hover = await workbench.hover(editor, /Europe\/Berlin/, "Next elapses");
      const shot = await workbench.screenshot("timer-hover");
      copyFileSync(shot, join(repoRoot, "docs/images/timer-hover.png"));
      const text = (await hover.innerText()).replace(/\u00a0/g, " ");
      assert.match(text, /OnCalendar= Mon\.\.Fri \*-\*-\* 03:00:00 Europe\/Berlin/);
      assert.match(text, /RandomizedDelaySec=10min: each elapse is put off by up to 10 minutes/);
      assert.match(text, /Persistent=yes/);
      const analyzed = await runAnalyze("calendar", [EXPRESSION], ["--iterations=5"], LOCAL_ZONE);
      const expected = [...analyzed.stdout.matchAll(/(?:Next elapse|Iter\. #\d+): (.+)$/gm)].map((m) => m[1]);
      assert.deepEqual(
        [...text.matchAll(ELAPSE)].map((m) => m[1]),
        expected,
      );
      assert.ok(hint.includes(`next: ${expected[0]} = `), `${hint} starts with ${expected[0]}`);
    });
  },
);

test(
  "a service's lens shows systemd's exposure score, and Harden this service previews the score it reaches",
  { timeout: 5 * 60_000 },
  async () => {
    assert.ok(session);
    const { page, workbench } = session;
    await session.step("exposure-lens", async () => {
      await page.keyboard.press("Escape");
      const editor = await workbench.openFile("web.service", /systemd/i);
      const lens = editor.locator(".codelens-decoration", { hasText: /exposure \d+\.\d/ }).first();
      await lens.waitFor({ timeout: 60_000 });
      const score = await systemdExposure(SERVICE);
      assert.match(await lens.innerText(), new RegExp(`exposure ${score.replace(".", "\\.")}`));

      const { shot, offered } = await workbench.applyQuickFix(
        editor,
        "[Service]",
        "Harden this service: exposure",
        "exposure-harden",
        "Refactor...",
      );
      copyFileSync(shot, join(repoRoot, "docs/images/exposure-harden-preview.png"));
      const title = offered.find((each) => each.startsWith("Harden this service: exposure")) ?? "";
      const preview = /exposure (\d+\.\d \w+) → (\d+\.\d \w+)/.exec(title);
      assert.ok(preview, offered.join("; "));
      assert.equal(preview[1], score, "the preview starts from the lens's score");
      const reached = editor.locator(".codelens-decoration", { hasText: `exposure ${preview[2]}` }).first();
      await reached.waitFor({ timeout: 60_000 });
      assert.equal(await workbench.lineContaining(editor, "NoNewPrivileges="), "NoNewPrivileges=yes");
    });
  },
);
