import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { unitsmith } from "./run";

/** The installed unit files of one directory of this machine that are regular files (links followed). */
function installedUnits(directory: string): string[] {
  return readdirSync(directory).filter((name) => {
    try {
      return /\.(service|socket|timer|target|path|mount|slice)$/.test(name) && statSync(join(directory, name)).isFile();
    } catch {
      return false;
    }
  });
}

describe("unitsmith lint on a large tree, split among threads", () => {
  let dir: string;
  let count = 0;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "unitsmith-threads-"));
    const names = installedUnits("/lib/systemd/system");
    // Enough copies of this machine's units to pass the size from which the run is split.
    for (let copy = 0; count < 1100; copy++) {
      const into = join(dir, `copy-${copy}`);
      mkdirSync(into);
      for (const name of names) copyFileSync(join("/lib/systemd/system", name), join(into, name));
      count += names.length;
    }
    // Findings of every kind the threads must report alike: a project file with an override and an
    // ignored file, a drop-in, a file with quick fixes, one too broken to read as a unit.
    writeFileSync(
      join(dir, "copy-1/.unitsmith.json"),
      JSON.stringify({ ignore: ["ssh*"], overrides: [{ files: ["*.timer"], profile: "strict" }] }),
    );
    mkdirSync(join(dir, "copy-0/app.service.d"));
    writeFileSync(join(dir, "copy-0/app.service.d/override.conf"), "[Service]\nno equals sign\n");
    writeFileSync(join(dir, "copy-2/fixable.service"), "[Unit]\nDescripton=typo\n[Service]\nExecStart=/usr/bin/true\nRestart=always\n");
    writeFileSync(join(dir, "copy-2/binary.service"), Buffer.from([0xff, 0xfe, 0, 1, 2, 10]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("reports exactly the findings of a run in one thread, in the same order, with the same flags", async () => {
    assert.ok(count >= 1100, `only ${count} unit files found under /lib/systemd/system`);
    // The flags reach every thread: a target older than the machine's systemd changes the findings.
    for (const args of [
      ["--format", "json", "--target", "240"],
      ["--format", "sarif"],
    ]) {
      const format = args.join(" ");
      const one = await unitsmith(["lint", "--jobs", "1", ...args, "."], dir);
      const three = await unitsmith(["lint", "--jobs", "3", ...args, "."], dir);
      const chosen = await unitsmith(["lint", ...args, "."], dir);
      assert.equal(one.stderr, "", format);
      assert.ok(one.stdout.includes("copy-2/fixable.service") && one.stdout.includes("copy-0/app.service.d/override.conf"), format);
      assert.deepEqual(three, one, format);
      assert.deepEqual(chosen, one, format);
    }
  });

  it("applies a baseline recorded by one thread to a run in several, and takes --jobs as a number only", async () => {
    const baseline = join(dir, "..", `${dir.split("/").pop()}.baseline.json`);
    try {
      await unitsmith(["lint", "--jobs", "1", "--baseline", baseline, "."], dir);
      writeFileSync(join(dir, "copy-3/new.service"), "[Service]\nExecStart=relative/path\n");
      const one = await unitsmith(["lint", "--jobs", "1", "--baseline", baseline, "."], dir);
      const four = await unitsmith(["lint", "--jobs", "4", "--baseline", baseline, "."], dir);
      assert.deepEqual(four, one);
      assert.match(one.stdout, /^copy-3\/new\.service:2:/);
    } finally {
      rmSync(baseline, { force: true });
    }
    // More threads asked for than there are files to share: the few files are linted all the same.
    const few = ["copy-2/fixable.service", "copy-0/app.service.d/override.conf"];
    assert.deepEqual(await unitsmith(["lint", "--jobs", "16", ...few], dir), await unitsmith(["lint", "--jobs", "1", ...few], dir));
    const zero = await unitsmith(["lint", "--jobs", "0", "."], dir);
    assert.deepEqual([zero.code, zero.stderr], [2, 'unitsmith lint: --jobs takes a number of threads, 1 or more; not "0"\n']);
  });
});
