import assert from "node:assert/strict";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { unitsmith, unitsmithUnprivileged } from "./run";

describe("unitsmith lint", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "unitsmith-cli-"));
    writeFileSync(join(dir, "good.service"), "[Unit]\nDescription=fine\n\n[Service]\nExecStart=/usr/bin/true\n");
    mkdirSync(join(dir, "nested/app.service.d"), { recursive: true });
    writeFileSync(join(dir, "nested/app.service.d/override.conf"), "[Service]\nno equals sign\n");
    writeFileSync(join(dir, "nested/README.md"), "not a unit = but ignored\n");
    writeFileSync(join(dir, "warn.timer"), "[Timer]\nOnCalendar=daily \\");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("prints --help and exits 0; no arguments is a usage error", async () => {
    const help = await unitsmith(["--help"], dir);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: unitsmith <command>/);
    const bare = await unitsmith([], dir);
    assert.deepEqual([bare.code, bare.stdout], [2, ""]);
    assert.match(bare.stderr, /^Usage: unitsmith <command>/);
  });

  it("says what is wrong on a usage error, on standard error, and exits 2", async () => {
    const cases: [string[], RegExp][] = [
      [["frobnicate"], /^unitsmith: unknown command "frobnicate"\n\nUsage: unitsmith <command>/],
      [["lint"], /^unitsmith lint: no paths given; name the unit files or directories to lint\n$/],
      [
        ["lint", "--format", "xml", "good.service"],
        /^unitsmith lint: unknown format "xml"; expected text, json, sarif, github, checkstyle, junit\n$/,
      ],
      [["lint", "--colour", "good.service"], /^unitsmith lint: Unknown option '--colour'/],
    ];
    for (const [args, message] of cases) {
      const result = await unitsmith(args, dir);
      assert.deepEqual([result.code, result.stdout], [2, ""], args.join(" "));
      assert.match(result.stderr, message);
    }
  });

  it("--version prints the package's version", async () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8")) as { version: string };
    const result = await unitsmith(["--version"], dir);
    assert.deepEqual([result.code, result.stdout, result.stderr], [0, `${version}\n`, ""]);
  });

  it("honours suppression comments and reports the one that silences nothing", async () => {
    const file = join(dir, "quiet.service");
    writeFileSync(file, "[Service]\nExecStart=/usr/bin/true\n# unitsmith-disable-next-line unknown-directive\nVendorKey=1\n");
    assert.deepEqual(await unitsmith(["lint", "quiet.service"], dir), { code: 0, stdout: "", stderr: "" });
    writeFileSync(file, "[Service]\nExecStart=/usr/bin/true\n# unitsmith-disable-next-line unknown-directive\nType=simple\n");
    const stale = await unitsmith(["lint", "quiet.service"], dir);
    assert.equal(
      stale.stdout,
      "quiet.service:3:31: warning: unknown-directive reports nothing on the next line, so this suppression silences nothing; remove it. [unused-suppression]\n",
    );
    rmSync(file);
  });

  it("exits 0 on a clean file and prints nothing", async () => {
    const result = await unitsmith(["lint", "good.service"], dir);
    assert.deepEqual([result.code, result.stdout, result.stderr], [0, "", ""]);
  });

  it("walks directories for unit files only and reports path:line:col: severity: message [rule]", async () => {
    const result = await unitsmith(["lint", "."], dir);
    assert.equal(result.code, 1);
    assert.equal(
      result.stdout,
      [
        "nested/app.service.d/override.conf:2:1: error: " +
          'Missing "=": expected Key=Value (ExecStart=/usr/bin/app), a [Section] header or a comment starting with # or ;. systemd ignores this line. [malformed-line]',
        "warn.timer:1:2: hint: This timer starts warn.service, but no unit file of that name is in this directory or workspace. Create warn.service or name the unit to start in Unit=. [missing-activated-unit]",
        "warn.timer:2:18: warning: This backslash continues the value onto the next line, but the file ends here. Remove the backslash. [unterminated-continuation]",
        "",
      ].join("\n"),
    );
  });

  it("fails on warnings only with --strict", async () => {
    assert.equal((await unitsmith(["lint", "warn.timer"], dir)).code, 0);
    assert.equal((await unitsmith(["lint", "--strict", "warn.timer"], dir)).code, 1);
  });

  it("writes JSON with file, range, severity, code, source and message", async () => {
    const result = await unitsmith(["lint", "--format", "json", "nested"], dir);
    assert.equal(result.code, 1);
    assert.deepEqual(JSON.parse(result.stdout), [
      {
        file: "nested/app.service.d/override.conf",
        range: { start: { line: 1, character: 0 }, end: { line: 1, character: 14 } },
        severity: "error",
        code: "malformed-line",
        source: "unitsmith",
        message:
          'Missing "=": expected Key=Value (ExecStart=/usr/bin/app), a [Section] header or a comment starting with # or ;. systemd ignores this line.',
      },
    ]);
  });

  it("exits 2 for a path that does not exist, after linting the rest", async () => {
    const result = await unitsmith(["lint", "missing.service", "warn.timer"], dir);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /missing\.service: no such file or directory/);
    assert.match(result.stdout, /warn\.timer:2:18/);
  });
});

describe("unitsmith lint on hostile input", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "unitsmith-hostile-"));
    chmodSync(dir, 0o755); // for the unprivileged run
    writeFileSync(join(dir, "binary.service"), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0, 0xff, 0xfe]));
    writeFileSync(
      join(dir, "latin1.service"),
      Buffer.concat([Buffer.from("[Unit]\nDescription=caf"), Buffer.from([0xe9]), Buffer.from("\n")]),
    );
    mkdirSync(join(dir, "x.service"));
    writeFileSync(join(dir, "empty.service"), "");
    writeFileSync(join(dir, "long.service"), `[Unit]\nDescription=${"x".repeat(1_000_000)}\n[Service]\nExecStart=/usr/bin/true\n`);
    const big = Buffer.alloc(50 * 1024 * 1024, "[Unit]\nDescription=padding\n");
    writeFileSync(join(dir, "huge.service"), big);
    mkdirSync(join(dir, "loop"));
    writeFileSync(join(dir, "loop/ok.service"), "[Unit]\nDescription=inside the loop\n[Service]\nExecStart=/usr/bin/true\n");
    symlinkSync(".", join(dir, "loop/self"));
    mkdirSync(join(dir, "locked"));
    writeFileSync(join(dir, "locked/inner.service"), "[Service]\nExecStart=/usr/bin/true\n");
    chmodSync(join(dir, "locked"), 0o000);
  });
  after(() => {
    chmodSync(join(dir, "locked"), 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  it("reports each bad file clearly, finishes, and writes nothing", async () => {
    const before = readdirSync(dir).sort();
    const result = await unitsmith(
      ["lint", "binary.service", "latin1.service", "x.service", "empty.service", "long.service", "huge.service"],
      dir,
    );
    assert.equal(result.code, 1);
    assert.match(result.stdout, /binary\.service:1:5: error: This file contains NUL bytes.*\[invalid-encoding\]/);
    assert.match(result.stdout, /latin1\.service:2:16: error: This file is not valid UTF-8 here.*\[invalid-encoding\]/);
    assert.match(result.stdout, /huge\.service:1:1: warning: This file is 51200 KB, more than the 2048 KB .*\[file-too-large\]/);
    assert.doesNotMatch(result.stdout, /empty\.service|long\.service/);
    assert.match(result.stderr, /^x\.service: a directory with no unit files in it/m);
    assert.deepEqual(readdirSync(dir).sort(), before);
  });

  it("survives a symbolic link loop; an unreadable directory is a read error (exit 2)", async () => {
    const result = await unitsmithUnprivileged(["lint", "loop", "locked"], dir);
    assert.equal(result.code, 2, result.stderr);
    assert.equal(result.stderr, "locked: permission denied\n");
    assert.equal(result.stdout, "");
  });
});

describe("unitsmith lint --verify", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "unitsmith-verify-"));
    writeFileSync(join(dir, "a.service"), "[Service]\nExecStart=/usr/bin/no-such-program-here\n");
    writeFileSync(join(dir, "b.service"), "[Service]\nExecStart=/usr/bin/no-such-program-either\n");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("merges in what systemd-analyze verify reports, which the linter alone does not see", async () => {
    assert.equal((await unitsmith(["lint", "--format", "json", "a.service"], dir)).stdout, "[]\n");
    const result = await unitsmith(["lint", "--verify", "--format", "json", "a.service"], dir);
    assert.equal(result.code, 0, result.stderr);
    const found = (JSON.parse(result.stdout) as { source: string; range: { start: { line: number } }; message: string }[]).map((d) => [
      d.source,
      d.range.start.line,
      d.message,
    ]);
    assert.deepEqual(found, [["systemd-analyze", 1, "Command /usr/bin/no-such-program-here is not executable: No such file or directory"]]);
  });

  it("says once that systemd-analyze is missing, and lints on", async () => {
    const result = await unitsmith(["lint", "--verify", "a.service", "b.service"], dir, undefined, { PATH: join(dir, "empty") });
    assert.equal(result.code, 0);
    assert.equal(result.stdout, "");
    assert.equal(result.stderr, "a.service: systemd-analyze was not found, so units are not checked with systemd-analyze verify\n");
  });
});
