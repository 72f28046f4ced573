import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { runCli } from "../../server/src/cli/main";
import { shellQuote } from "../../server/src/language/generate/quote";
import { combinations } from "../../server/test/generate/matrix";
import { documentOf, testService } from "../../server/test/service";
import { newExamples } from "./newExamples";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function unitsmithNew(args: readonly string[], cwd: string): Promise<Run> {
  const run = { code: 0, stdout: "", stderr: "" };
  const io = { stdout: (text: string) => void (run.stdout += text), stderr: (text: string) => void (run.stderr += text), cwd };
  run.code = await runCli(["new", ...args], io);
  return run;
}

/** Everything systemd-analyze verify says about the files; empty when it is content. */
function verify(paths: readonly string[], scope: "system" | "user", runtimeDir: string): Promise<string> {
  const args = ["verify", ...(scope === "user" ? ["--user"] : []), "--", ...paths];
  const env = { ...process.env, XDG_RUNTIME_DIR: runtimeDir, SYSTEMD_COLORS: "0", SYSTEMD_PAGER: "cat" };
  return new Promise((resolve) => {
    execFile("systemd-analyze", args, { env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve(`${stdout}${stderr}${error && !stdout && !stderr ? String(error) : ""}`),
    );
  });
}

function securityReport(path: string, runtimeDir: string): Promise<string> {
  const env = { ...process.env, XDG_RUNTIME_DIR: runtimeDir, SYSTEMD_COLORS: "0", SYSTEMD_PAGER: "cat" };
  return new Promise((resolve) => {
    execFile("systemd-analyze", ["security", "--offline=true", "--no-pager", "--", path], { env }, (_error, stdout, stderr) =>
      resolve(`${stdout}${stderr}`),
    );
  });
}

async function lint(path: string): Promise<string[]> {
  const diagnostics = await testService().diagnostics(documentOf(path, readFileSync(path, "utf8")));
  return diagnostics.map((d) => `${path}:${d.range.start.line + 1}: ${d.message}`);
}

const unitFiles = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map((name) => join(dir, name));

describe("unitsmith new", () => {
  let root: string;
  let runtimeDir: string;
  /** Unit directories whose paths tell unitKind the scope. */
  let unitDirs: Record<"system" | "user", string>;

  before(() => {
    root = mkdtempSync(join(tmpdir(), "unitsmith-new-"));
    runtimeDir = join(root, "runtime");
    mkdirSync(runtimeDir);
    unitDirs = { system: join(root, "systemd/system"), user: join(root, "systemd/user") };
    for (const dir of Object.values(unitDirs)) mkdirSync(dir, { recursive: true });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const freshDir = (name: string) => mkdtempSync(join(root, `${name}-`));

  it("over combinations of every option, writes units that Unitsmith and systemd-analyze verify accept silently", async () => {
    for (const combination of combinations()) {
      const result = await unitsmithNew([...combination.args, "--output-dir", unitDirs[combination.scope]], root);
      assert.equal(result.code, 0, `${combination.args.join(" ")}\n${result.stderr}`);
    }
    for (const scope of ["system", "user"] as const) {
      const paths = unitFiles(unitDirs[scope]);
      assert.ok(paths.length > 80, `${paths.length} ${scope} units`);
      assert.deepEqual((await Promise.all(paths.map(lint))).flat(), []);
      assert.equal(await verify(paths, scope, runtimeDir), "", `systemd-analyze verify${scope === "user" ? " --user" : ""}`);
    }
  });

  it("--harden lowers the exposure systemd-analyze security rates; strict rates OK", async () => {
    const exposure: Record<string, number> = {};
    for (const harden of ["none", "basic", "strict"]) {
      const dir = freshDir(`security-${harden}`);
      const args = ["--name", `exposed-${harden}`, "--command", "/usr/bin/sleep 60", "--working-dir", "/srv/data", "--output-dir", dir];
      assert.equal((await unitsmithNew(harden === "none" ? args : [...args, "--harden", harden], root)).code, 0);
      const report = await securityReport(join(dir, `exposed-${harden}.service`), runtimeDir);
      const level = /Overall exposure level for \S+: ([\d.]+) (\w+)/.exec(report);
      assert.ok(level, report);
      exposure[harden] = Number(level[1]);
      if (harden === "strict") assert.equal(level[2], "OK", report);
    }
    assert.ok(exposure.none! > exposure.basic! && exposure.basic! > exposure.strict!, JSON.stringify(exposure));
  });

  it("prints one unit as it is, and several each after a # ==> FILE <== line", async () => {
    const one = await unitsmithNew(["--name", "hello", "--command", "echo hello"], root);
    assert.equal(one.code, 0, one.stderr);
    assert.match(one.stdout, /^# Generated by: unitsmith new --name hello --command 'echo hello'\n\n\[Unit\]\n/);
    assert.match(one.stdout, /^ExecStart=\/\S*echo hello$/m, "the program is looked up on PATH");

    const dir = freshDir("two");
    const args = ["--name", "nightly", "--command", "/usr/bin/true", "--every", "daily"];
    const printed = await unitsmithNew(args, root);
    const written = await unitsmithNew([...args, "--output-dir", dir], root);
    assert.equal(written.code, 0, written.stderr);
    const [service, timer] = ["nightly.service", "nightly.timer"].map((name) => readFileSync(join(dir, name), "utf8"));
    assert.equal(printed.stdout, `# ==> nightly.service <==\n${service}\n# ==> nightly.timer <==\n${timer}`);
    assert.equal(
      written.stdout,
      `${join(dir, "nightly.service").slice(root.length + 1)}\n${join(dir, "nightly.timer").slice(root.length + 1)}\n`,
    );
  });

  it("--output-dir follows a symbolic link to a directory", async () => {
    const dir = freshDir("linked");
    const link = join(root, `${dir.slice(root.length + 1)}-link`);
    symlinkSync(dir, link);
    const result = await unitsmithNew(["--name", "linked", "--command", "/usr/bin/true", "--output-dir", link], root);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(readdirSync(dir), ["linked.service"]);
  });

  it("resolves a relative program path against the working directory", async () => {
    const dir = freshDir("relative");
    writeFileSync(join(dir, "run.sh"), "#!/bin/sh\n");
    chmodSync(join(dir, "run.sh"), 0o755);
    const result = await unitsmithNew(["--name", "rel", "--command", "./run.sh --fast"], dir);
    assert.match(result.stdout, new RegExp(`^ExecStart=${join(dir, "run.sh")} --fast$`, "m"));
  });

  describe("--output-file", () => {
    it("writes the service there and the timer beside it", async () => {
      const dir = freshDir("file");
      const result = await unitsmithNew(
        ["--name", "job", "--command", "/usr/bin/true", "--every", "hourly", "--output-file", join(dir, "job.service")],
        root,
      );
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(readdirSync(dir).sort(), ["job.service", "job.timer"]);
      assert.equal(await verify(unitFiles(dir), "system", runtimeDir), "");
    });

    it("writes nothing when any of the files exists, unless --force", async () => {
      const dir = freshDir("exists");
      writeFileSync(join(dir, "job.socket"), "mine\n");
      const args = ["--name", "job", "--command", "/usr/bin/true", "--socket", "8080", "--output-file", join(dir, "job.service")];
      const refused = await unitsmithNew(args, root);
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /job\.socket already exists; add --force to overwrite it/);
      assert.deepEqual(readdirSync(dir), ["job.socket"], "the service was not written either");
      assert.equal(readFileSync(join(dir, "job.socket"), "utf8"), "mine\n");

      const forced = await unitsmithNew([...args, "--force"], root);
      assert.equal(forced.code, 0, forced.stderr);
      assert.match(readFileSync(join(dir, "job.socket"), "utf8"), /^ListenStream=8080$/m);
      assert.deepEqual(readdirSync(dir).sort(), ["job.service", "job.socket"]);
    });

    it("leaves the output options out of the header, so where a unit goes does not change it", async () => {
      const dir = freshDir("header");
      await unitsmithNew(["--name", "h", "--command", "/usr/bin/true", "--output-file", join(dir, "h.service"), "--force"], root);
      const printed = await unitsmithNew(["--name", "h", "--command", "/usr/bin/true"], root);
      assert.equal(readFileSync(join(dir, "h.service"), "utf8"), printed.stdout);
    });
  });

  describe("refuses bad input with exit status 2 and writes nothing", () => {
    const cases: [string, string[], RegExp][] = [
      ["an empty name", ["--name", "", "--command", "/usr/bin/true"], /--name is empty/],
      ["an invalid unit name", ["--name", "my/job", "--command", "/usr/bin/true"], /--name "my\/job\.service": .*"\/" is not allowed/],
      ["a missing --name", ["--command", "/usr/bin/true"], /--name is required/],
      ["a missing --command", ["--name", "x"], /--command is required/],
      ["a program not on PATH", ["--name", "x", "--command", "no-such-program-here --now"], /"no-such-program-here" was not found on PATH/],
      ["a relative path to nothing", ["--name", "x", "--command", "./missing.sh"], /"\.\/missing\.sh" was not found/],
      [
        "an invalid time span",
        ["--name", "x", "--command", "/usr/bin/true", "--timeout", "soon"],
        /--timeout "soon": Expected a time span/,
      ],
      ["an invalid calendar event", ["--name", "x", "--command", "/usr/bin/true", "--every", "fortnightly"], /--every "fortnightly"/],
      [
        "--every with --socket",
        ["--name", "x", "--command", "/usr/bin/true", "--every", "daily", "--socket", "8080"],
        /--every and --socket/,
      ],
      [
        "--user with --scope user",
        ["--name", "x", "--command", "/usr/bin/true", "--scope", "user", "--user", "bob"],
        /--user is for system units/,
      ],
      ["an unknown option", ["--name", "x", "--command", "/usr/bin/true", "--colour", "red"], /Unknown option '--colour'/],
      ["a stray argument", ["--name", "x", "--command", "/usr/bin/true", "extra"], /extra/],
      [
        "an output file named unlike the unit",
        ["--name", "x", "--command", "/usr/bin/true", "--output-file", "OUT/y.service"],
        /name the file x\.service/,
      ],
      [
        "--output-file with --output-dir",
        ["--name", "x", "--command", "/usr/bin/true", "--output-file", "OUT/x.service", "--output-dir", "OUT"],
        /choose one/,
      ],
      [
        "an output directory that does not exist",
        ["--name", "x", "--command", "/usr/bin/true", "--output-dir", "OUT/missing"],
        /does not exist/,
      ],
    ];
    for (const [what, args, message] of cases) {
      it(what, async () => {
        const dir = freshDir("refused");
        const withOutput = args.some((a) => a.startsWith("--output")) ? args : [...args, "--output-dir", "OUT"];
        const result = await unitsmithNew(
          withOutput.map((a) => a.replace(/^OUT/, dir)),
          dir,
        );
        assert.equal(result.code, 2, result.stderr);
        assert.match(result.stderr, message);
        assert.match(result.stderr, /^unitsmith new: /);
        assert.equal(result.stdout, "");
        assert.deepEqual(readdirSync(dir), []);
      });
    }
  });

  it("--help describes every option", async () => {
    const result = await unitsmithNew(["--help"], root);
    assert.equal(result.code, 0);
    for (const option of [
      "--name",
      "--command",
      "--timeout",
      "--every",
      "--socket",
      "--template",
      "--harden",
      "--output-file",
      "--output-dir",
      "--force",
    ]) {
      assert.ok(result.stdout.includes(option), option);
    }
  });

  describe("the examples of docs/cli.md", () => {
    const manual = readFileSync(join(__dirname, "../../docs/cli.md"), "utf8");
    for (const example of newExamples) {
      const command = `unitsmith new ${example.args.map(shellQuote).join(" ")}`;
      it(command, async () => {
        assert.ok(manual.includes(command), "docs/cli.md shows this command exactly");
        const dir = mkdtempSync(join(unitDirs[example.scope], "..", `readme-${example.scope}-`));
        const result = await unitsmithNew([...example.args, "--output-dir", dir], root);
        assert.equal(result.code, 0, result.stderr);
        const paths = unitFiles(dir);
        assert.deepEqual((await Promise.all(paths.map(lint))).flat(), []);
        assert.equal(await verify(paths, example.scope, runtimeDir), "");
      });
    }
  });
});
