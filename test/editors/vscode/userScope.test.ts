// A user unit kept in a workspace folder: the example workspace's unitsmith.userUnitFiles setting
// marks examples/user/ as user units, and VS Code's hover then expands %h for the user manager.
// Screenshot `user-scope-*` under .artifacts/screenshots/.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { repoRoot } from "../support/paths";
import { openWorkbench, type WorkbenchSession } from "./workbenchSession";

const example = (path: string) => readFileSync(join(repoRoot, "examples", path), "utf8");

let session: WorkbenchSession | undefined;

before(async () => {
  session = await openWorkbench({
    ".vscode/settings.json": example(".vscode/settings.json"),
    "user/notes-sync.service": example("user/notes-sync.service"),
  });
});

after(async () => {
  await session?.close();
});

test("%h in a file the setting marks as a user unit is the user manager's home", { timeout: 4 * 60_000 }, async () => {
  assert.ok(session);
  const { workbench } = session;
  await session.step("user-scope-hover", async () => {
    const editor = await workbench.openFile("notes-sync.service");
    // The lenses above the sections push the lines down when they arrive: hover after them.
    await editor.locator(".codelens-decoration", { hasText: "references" }).first().waitFor({ timeout: 30_000 });
    const hover = await workbench.hover(editor, "%h", "In this file");
    const here = (await hover.innerText()).split("\n").find((line) => line.startsWith("In this file"));
    assert.match(here ?? "", /^In this file: = \S+ \(for \S+'s user manager\)$/, "expanded for the user manager, not the system manager");
    console.log(`    hover: ${await workbench.screenshot("user-scope-hover")}`);
  });
});
