// unitsmith.userUnitFiles: a workspace file matching one of its globs is written for the user
// manager, so %h is the user's home; a file its path already places keeps its directory's scope.
import assert from "node:assert/strict";
import { test } from "node:test";
import { globsOf } from "../../src/language/scopeGlobs";
import type { HostFacts } from "../../src/language/specifierExpansion";
import { atCursor, testService } from "../service";

const host: Partial<{ hostFacts: () => Promise<HostFacts> }> = {
  hostFacts: async () => ({ user: { name: "ada", uid: 1000, gid: 1000, group: "ada", home: "/home/ada", shell: "/bin/bash" } }),
};

async function hoverOnHome(path: string, userUnitFiles: string): Promise<string> {
  const service = testService(host, { userUnitFiles: globsOf(userUnitFiles) });
  const { document, position } = atCursor(path, "[Service]\nExecStart=%|h/.local/bin/notes-sync\n");
  const hover = await service.hover(document, position);
  return JSON.stringify(hover?.contents ?? "");
}

test("a file matching unitsmith.userUnitFiles shows the user's home for %h", async () => {
  assert.match(await hoverOnHome("/work/examples/user/notes-sync.service", "user/**"), /\/home\/ada/);
  assert.match(await hoverOnHome("/work/examples/user/notes-sync.service", "nothing/*, **/user/*.service"), /\/home\/ada/);
  assert.match(await hoverOnHome("/work/examples/notes.user.service", "*.user.service"), /\/home\/ada/);
});

test("without a matching glob the file is a system unit, and a unit directory keeps its own scope", async () => {
  assert.match(await hoverOnHome("/work/examples/user/notes-sync.service", ""), /\/root/);
  assert.match(await hoverOnHome("/work/examples/other/notes-sync.service", "user/**"), /\/root/);
  assert.match(await hoverOnHome("/etc/systemd/system/notes-sync.service", "**"), /\/root/);
});

test("the globs of the setting", () => {
  assert.deepEqual(globsOf(" user/** , ,*.user.service"), ["user/**", "*.user.service"]);
});
