import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, beforeEach, describe, it } from "node:test";
import { unitsmith } from "./run";

describe("unitsmith fmt", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "unitsmith-fmt-"));
    writeFileSync(join(dir, "messy.service"), "[Unit]\nDescription = messy  \n[Service]\nExecStart = /usr/bin/true");
    writeFileSync(join(dir, "tidy.timer"), "[Timer]\nOnCalendar=daily\n");
    writeFileSync(
      join(dir, "latin1.service"),
      Buffer.concat([Buffer.from("[Unit]\nDescription = caf"), Buffer.from([0xe9]), Buffer.from("\n")]),
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("--check lists unformatted files, exits 1 and changes nothing", async () => {
    const before = readFileSync(join(dir, "messy.service"), "utf8");
    const result = await unitsmith(["fmt", "--check", "messy.service", "tidy.timer"], dir);
    assert.deepEqual([result.code, result.stdout], [1, "messy.service\n"]);
    assert.equal(readFileSync(join(dir, "messy.service"), "utf8"), before);
    assert.equal((await unitsmith(["fmt", "--check", "tidy.timer"], dir)).code, 0);
  });

  it("rewrites files in place, keeps their mode, and leaves no temporary file behind", async () => {
    chmodSync(join(dir, "messy.service"), 0o640);
    const result = await unitsmith(["fmt", "messy.service", "tidy.timer"], dir);
    assert.deepEqual([result.code, result.stdout], [0, "messy.service\n"]);
    assert.equal(readFileSync(join(dir, "messy.service"), "utf8"), "[Unit]\nDescription=messy\n\n[Service]\nExecStart=/usr/bin/true\n");
    assert.equal(statSync(join(dir, "messy.service")).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir).sort(), ["latin1.service", "messy.service", "tidy.timer"]);
  });

  it("refuses to rewrite a file that is not valid UTF-8, byte for byte untouched", async () => {
    const before = readFileSync(join(dir, "latin1.service"));
    const result = await unitsmith(["fmt", "latin1.service"], dir);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /latin1\.service: is not valid UTF-8; left untouched/);
    assert.deepEqual(readFileSync(join(dir, "latin1.service")), before);
  });

  it("formats standard input to standard output with -", async () => {
    const result = await unitsmith(["fmt", "-"], dir, "[Unit]\nA = 1");
    assert.deepEqual([result.code, result.stdout], [0, "[Unit]\nA=1\n"]);
    const kept = await unitsmith(["fmt", "--keep-spaces", "-"], dir, "[Unit]\nA = 1");
    assert.equal(kept.stdout, "[Unit]\nA = 1\n");
  });

  it("--check - prints only the verdict: - and exit 1 when standard input is not formatted", async () => {
    const messy = await unitsmith(["fmt", "--check", "-"], dir, "[Unit]\nA = 1");
    assert.deepEqual([messy.code, messy.stdout, messy.stderr], [1, "-\n", ""]);
    const tidy = await unitsmith(["fmt", "--check", "-"], dir, "[Unit]\nA=1\n");
    assert.deepEqual([tidy.code, tidy.stdout, tidy.stderr], [0, "", ""]);
  });

  it("refuses standard input that is not valid UTF-8 and prints none of it", async () => {
    const result = await unitsmith(["fmt", "-"], dir, Buffer.from([0x5b, 0x55, 0x5d, 0x0a, 0x41, 0x3d, 0xe9, 0x0a]));
    assert.deepEqual([result.code, result.stdout], [2, ""]);
    assert.equal(result.stderr, "standard input is not valid UTF-8; left untouched so no byte is lost\n");
  });

  it("with no paths says what to name, and exits 2", async () => {
    const result = await unitsmith(["fmt"], dir);
    assert.deepEqual([result.code, result.stdout], [2, ""]);
    assert.equal(result.stderr, "unitsmith fmt: no paths given; name the unit files or directories to format, or - for standard input\n");
  });
});
