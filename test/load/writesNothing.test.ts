import assert from "node:assert/strict";
import { lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { unitsmith } from "../cli/run";
import { changedPaths, snapshotTree } from "../hostile/treeSnapshot";

const UNFORMATTED = "[Unit]\nDescription = needs formatting   \n[Service]\nExecStart = /bin/true\n";

describe("the CLI writes only under the path it is given", () => {
  let root: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), "unitsmith-writes-"));
    for (const dir of ["chosen/nested/app.service.d", "elsewhere"]) mkdirSync(join(root, dir), { recursive: true });
    for (const path of [
      "chosen/a.service",
      "chosen/nested/b.timer",
      "chosen/nested/app.service.d/override.conf",
      "elsewhere/c.service",
      "d.service",
    ])
      writeFileSync(join(root, path), UNFORMATTED);
    writeFileSync(join(root, "chosen/notes.txt"), "Key = not a unit\n");
    symlinkSync("../elsewhere/c.service", join(root, "chosen/linked.service"));
    symlinkSync("../elsewhere", join(root, "chosen/elsewhere-dir"));
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it("lint changes nothing anywhere", async () => {
    const before = snapshotTree(root);
    await unitsmith(["lint", "chosen"], root);
    await unitsmith(["lint", "--format", "json", "chosen/a.service"], root);
    assert.deepEqual(changedPaths(before, snapshotTree(root)), []);
  });

  it("fmt rewrites unit files under the chosen directory only, and leaves symbolic links and their targets alone", async () => {
    const before = snapshotTree(root);
    const { code, stderr } = await unitsmith(["fmt", "chosen"], root);
    assert.equal(code, 0, stderr);
    assert.deepEqual(changedPaths(before, snapshotTree(root)), [
      "chosen/a.service",
      "chosen/nested/app.service.d/override.conf",
      "chosen/nested/b.timer",
    ]);
    assert.ok(lstatSync(join(root, "chosen/linked.service")).isSymbolicLink(), "the link is still a link");
  });
});
