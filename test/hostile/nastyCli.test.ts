import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { unitsmith } from "../cli/run";
import { FIFTY_MB, NASTY_FILES } from "./nastyFiles";
import { changedPaths, snapshotTree } from "./treeSnapshot";

interface JsonDiagnostic {
  file: string;
  code: string;
}

// The 50 MB file only goes to lint: formatting it, were the size limit ignored, would take minutes.
const FORMATTED = NASTY_FILES.filter((f) => f.bytes().length < FIFTY_MB);

describe("nasty files through the built CLI", () => {
  let dir: string;
  let fmtDir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "unitsmith-nasty-cli-"));
    fmtDir = mkdtempSync(join(tmpdir(), "unitsmith-nasty-fmt-"));
    for (const file of NASTY_FILES) writeFileSync(join(dir, file.name), file.bytes());
    for (const file of FORMATTED) writeFileSync(join(fmtDir, file.name), file.bytes());
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(fmtDir, { recursive: true, force: true });
  });

  it("lint reports what each file is, names each file exactly, and writes nothing", async () => {
    const before = snapshotTree(dir);
    const { code, stdout, stderr } = await unitsmith(["lint", "--format", "json", "."], dir);
    assert.equal(code, 1, stderr);
    const found = JSON.parse(stdout) as JsonDiagnostic[];
    for (const file of NASTY_FILES) {
      const codes = new Set(found.filter((d) => d.file === file.name).map((d) => d.code));
      for (const expected of file.codes) assert.ok(codes.has(expected), `${file.what}: ${expected} among ${[...codes].join(", ")}`);
      for (const unexpected of file.notCodes) assert.ok(!codes.has(unexpected), `${file.what}: ${unexpected} not expected`);
    }
    assert.deepEqual(changedPaths(before, snapshotTree(dir)), []);
  });

  it("fmt rewrites what it can read losslessly, leaves the rest byte for byte, and leaves no temporary file", async () => {
    const before = snapshotTree(fmtDir);
    const { code, stderr } = await unitsmith(["fmt", "."], fmtDir);
    assert.equal(code, 2, "files it refused make the exit status 2");
    for (const file of FORMATTED.filter((f) => !f.formattable)) {
      assert.ok(readFileSync(join(fmtDir, file.name)).equals(file.bytes()), `${file.what} is untouched`);
      assert.ok(stderr.includes(file.name), `${file.what} is named as refused`);
    }
    const changed = changedPaths(before, snapshotTree(fmtDir));
    const allowed = new Set(FORMATTED.filter((f) => f.formattable).map((f) => f.name));
    assert.deepEqual(
      changed.filter((path) => !allowed.has(path)),
      [],
    );
    assert.ok(readFileSync(join(fmtDir, "bom.target"), "utf8").startsWith("\uFEFF[Unit]\n"), "the BOM stays");
    const again = await unitsmith(["fmt", "--check", "."], fmtDir);
    assert.deepEqual(
      again.stdout.split("\n").filter((line) => line && !line.includes("overlimit")),
      [],
      "a second run finds nothing more to format",
    );
  });
});
