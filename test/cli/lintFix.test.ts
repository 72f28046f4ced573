import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { unitsmith } from "./run";

const INSTALLED = "/usr/lib/systemd/system";
const readAll = (dir: string) => Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), "utf8")]));

describe("unitsmith lint --fix and --fix-dry-run on copies of this machine's units", () => {
  let root: string;
  let originals: Record<string, string>;
  before(() => {
    root = mkdtempSync(join(tmpdir(), "unitsmith-fix-"));
    for (const copy of ["fixed", "planted", "patched"]) mkdirSync(join(root, copy));
    for (const name of readdirSync(INSTALLED).filter((n) => /\.(service|socket|timer)$/.test(n) && !n.includes("@"))) {
      if (!statSync(join(INSTALLED, name)).isFile()) continue;
      for (const copy of ["fixed", "patched"]) cpSync(join(INSTALLED, name), join(root, copy, name), { dereference: true });
    }
    originals = readAll(join(root, "fixed"));
    assert.ok(Object.keys(originals).length >= 20, "enough installed units to test on");
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it("--fix-dry-run prints a diff that patch applies to give what --fix writes, and --fix is idempotent", async () => {
    const dry = await unitsmith(["lint", "--fix-dry-run", "."], join(root, "patched"));
    assert.deepEqual(readAll(join(root, "patched")), originals, "a dry run writes nothing");
    const fix = await unitsmith(["lint", "--fix", "."], join(root, "fixed"));
    assert.notEqual(fix.code, 2, fix.stderr);
    if (dry.stdout) execFileSync("patch", ["-p1", "-s"], { cwd: join(root, "patched"), input: dry.stdout, timeout: 30_000 });
    assert.deepEqual(readAll(join(root, "patched")), readAll(join(root, "fixed")));
    for (const line of fix.stderr.split("\n").filter(Boolean)) assert.match(line, /^\S+: (fixed \d+ \(|not fixed: )/, line);
    const again = await unitsmith(["lint", "--fix-dry-run", "."], join(root, "fixed"));
    assert.deepEqual([again.code, again.stdout], [0, ""]);
  });

  it("undoes planted safe faults exactly, everything else in the file kept byte for byte", async () => {
    const fixed = readAll(join(root, "fixed"));
    const plants: [RegExp, string][] = [
      [/^ExecStart=/m, "ExecStrat="], // a misspelling with one candidate
      [/^Description=/m, "description="], // a name in the wrong case
    ];
    let planted = 0;
    for (const [name, text] of Object.entries(fixed)) {
      const [pattern, wrong] = plants[planted % plants.length]!;
      if (!pattern.test(text)) continue;
      writeFileSync(join(root, "planted", name), text.replace(pattern, wrong));
      planted++;
    }
    assert.ok(planted >= 20, `planted ${planted}`);
    const result = await unitsmith(["lint", "--fix", "."], join(root, "planted"));
    assert.doesNotMatch(result.stderr, /not fixed/);
    for (const [name, text] of Object.entries(readAll(join(root, "planted")))) assert.equal(text, fixed[name], name);
  });

  it("leaves a file with an ambiguous or unreadable finding as it is, and says why", async () => {
    const dir = join(root, "refused");
    mkdirSync(dir);
    const ambiguous = "[Unit]\nDescription=x\n\n[Service]\nExecStart=/bin/true\nIAccounting=yes\nInaccessibleDirectories=/home\n";
    writeFileSync(join(dir, "ambiguous.service"), ambiguous);
    writeFileSync(join(dir, "binary.service"), "[Service]\nExecStart=/bin/true\u0000\nInaccessibleDirectories=/home\n");
    const result = await unitsmith(["lint", "--fix", "."], dir);
    assert.equal(readFileSync(join(dir, "ambiguous.service"), "utf8"), ambiguous);
    assert.match(result.stderr, /ambiguous\.service: not fixed: line 6 has more than one possible fix \(unknown-directive\)/);
    assert.match(result.stderr, /binary\.service: not fixed: invalid-encoding/);
  });
});
