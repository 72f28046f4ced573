// Why a unit failed, on its line, in code-server driven by Chromium against a real systemd:
// code-server and the extension run inside the nspawn container (copies of node, code-server and the
// built extension), as VS Code's server runs on a machine reached remotely, with the unit
// directory as the workspace. A unit broken on purpose fails; Explain Failure from the palette puts
// 203/EXEC on its ExecStart= line. docs/images/explain-failure.png is this run's screenshot.
import assert from "node:assert/strict";
import { copyFileSync, cpSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { bootContainer, type Container } from "../../systemd/harness/container";
import { pollUntil } from "../../systemd/harness/poll";
import { repoRoot } from "../support/paths";
import { findCodeServer, startCodeServer } from "./codeServer";
import { showWorkbench, type WorkbenchSession } from "./workbenchSession";

const UNITS = "/etc/systemd/system";
const UNIT = "report-upload.service";
const TEXT =
  "[Unit]\nDescription=Uploads the nightly report\n\n[Service]\nType=oneshot\nExecStart=/usr/local/bin/upload-report --to archive\n";
/** What the extension needs at run time, as the .vsix carries it. */
const EXTENSION_FILES = [
  "package.json",
  "package.nls.json",
  "language-configuration.json",
  "line-language-configuration.json",
  "client/dist",
  "server/dist",
  "syntaxes",
  "snippets",
  "schemas",
  "images",
  "l10n",
  "walkthrough",
];

let container: Container | undefined;
let session: WorkbenchSession | undefined;

before(
  async () => {
    container = await bootContainer({ name: "ui-failure" });
    const root = `/proc/${container.pid}/root`;
    mkdirSync(join(root, "usr/local/bin"), { recursive: true });
    cpSync(process.execPath, join(root, "usr/local/bin/node"));
    const codeServer = dirname(dirname(dirname(await findCodeServer())));
    cpSync(codeServer, join(root, "opt/code-server"), { recursive: true, verbatimSymlinks: true });
    for (const path of EXTENSION_FILES) {
      if (existsSync(join(repoRoot, path))) cpSync(join(repoRoot, path), join(root, "opt/unitsmith", path), { recursive: true });
    }
    await container.writeFile(`${UNITS}/${UNIT}`, TEXT);
    await container.run(["systemctl", "daemon-reload"]);
    await container.run(["systemctl", "start", UNIT]);
    await pollUntil(`${UNIT} to fail`, Date.now() + 90_000, async () => {
      const state = await container!.run(["systemctl", "show", "--property=ActiveState", "--value", UNIT]);
      return state.stdout.trim() === "failed" ? true : undefined;
    });
    const { prefix, env } = container.execPrefix();
    const server = await startCodeServer({
      inside: { prefix, env, root, binary: "/opt/code-server/node_modules/.bin/code-server" },
    });
    session = await showWorkbench(server, UNITS, "/opt/unitsmith");
  },
  { timeout: 15 * 60_000 },
);

after(
  async () => {
    await session?.close();
    await container?.stop();
  },
  { timeout: 3 * 60_000 },
);

test("Explain Failure puts 203/EXEC on the ExecStart= line of a unit that failed", { timeout: 5 * 60_000 }, async () => {
  assert.ok(session);
  const { workbench } = session;
  await session.step("explain-failure", async () => {
    await workbench.openFile(UNIT, /systemd/i);
    await workbench.runCommand("Unitsmith: Explain Failure");
    await workbench.notification(`${UNIT} failed`);
    const rows = await workbench.problems();
    const line = TEXT.split("\n").findIndex((each) => each.startsWith("ExecStart=")) + 1;
    const row = rows.filter({ hasText: "203/EXEC" }).first();
    await row.waitFor({ timeout: 60_000 });
    const text = await row.innerText();
    assert.match(text, new RegExp(`\\[Ln ${line}, Col`));
    assert.match(text, /\/usr\/local\/bin\/upload-report could not be executed: No such file or directory/);
    const shot = await workbench.screenshot("explain-failure");
    copyFileSync(shot, join(repoRoot, "docs/images/explain-failure.png"));
  });
});
