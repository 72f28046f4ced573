import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { unitsmith } from "./run";

describe("unitsmith show", () => {
  let dir: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "unitsmith-show-"));
    write("units/web-front.service", "[Unit]\nDescription=base\n[Service]\nExecStart=/bin/true\nEnvironment=A=1\nNice=1\n");
    write("units/web-.service.d/10-prefix.conf", "[Service]\nEnvironment=\nEnvironment=B=2\n");
    write("units/web-front.service.d/20-own.conf", "[Service]\nNice=5\n");
    write("units/web-front.service.d/15-hidden.conf", "[Service]\nNice=9\n");
    write("units/service.d/05-all.conf", "[Service]\nSyslogIdentifier=every-service\n");
    write("units/greet@.service", "[Service]\nExecStart=/bin/echo %i\n");
    write("units/greet@world.service.d/10-world.conf", "[Unit]\nDescription=Greets the world\n");
    write("notes.txt", "not a unit\n");
    symlinkSync("/dev/null", join(dir, "units/web-front.service.d/00-masked.conf"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("prints what is in force, each assignment under the file and line it came from", async () => {
    const result = await unitsmith(["show", "units/web-front.service"], dir);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.split("\n");
    assert.equal(lines[0], "# web-front.service as systemd loads it (system manager)");
    assert.equal(lines[1], `# unit file: ${dir}/units/web-front.service`);
    assert.deepEqual(
      lines.filter((line) => line.startsWith("# drop-in: ")).map((line) => line.slice(line.lastIndexOf("/") + 1)),
      ["05-all.conf", "10-prefix.conf", "15-hidden.conf", "20-own.conf"],
    );
    const section = result.stdout.slice(result.stdout.indexOf("[Service]"));
    assert.match(section, new RegExp(`# ${dir}/units/web-front.service.d/20-own.conf:2\nNice=5\n`));
    assert.match(section, /\nEnvironment=B=2\n/);
    assert.doesNotMatch(section, /Environment=A=1|Nice=1\n|Nice=9/);
    assert.match(section, /SyslogIdentifier=every-service/);
  });

  it("shows the unit a drop-in belongs to, and an instance with its template", async () => {
    const fromDropIn = await unitsmith(["show", "units/web-front.service.d/20-own.conf"], dir);
    assert.equal(fromDropIn.code, 0, fromDropIn.stderr);
    assert.match(fromDropIn.stdout, /^# web-front\.service as systemd loads it/);
    const instance = await unitsmith(["show", "units/greet@world.service.d/10-world.conf"], dir);
    assert.equal(instance.code, 0, instance.stderr);
    assert.match(instance.stdout, new RegExp(`# unit file: ${dir}/units/greet@\\.service\n`));
    assert.match(instance.stdout, /\nDescription=Greets the world\n/);
  });

  it("refuses what is not a unit file, and a missing file, with exit 2 and a message", async () => {
    const text = await unitsmith(["show", "notes.txt"], dir);
    assert.deepEqual([text.code, text.stdout], [2, ""]);
    assert.match(text.stderr, /notes\.txt is not a unit file or a drop-in of one unit/);
    const missing = await unitsmith(["show", "units/none.service"], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /unitsmith show: .*no such file/i);
    assert.equal((await unitsmith(["show"], dir)).code, 2);
  });
});
