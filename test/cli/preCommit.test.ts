import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { CLI } from "./run";

const ROOT = join(__dirname, "../..");

describe(".pre-commit-hooks.yaml with Debian's pre-commit on a sample repository", () => {
  let root: string;
  let sample: string;
  let env: NodeJS.ProcessEnv;
  const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, env, timeout: 30_000 }).toString().trim();
  const preCommit = (...args: string[]) => spawnSync("pre-commit", args, { cwd: sample, env, timeout: 120_000, encoding: "utf8" });

  before(() => {
    root = mkdtempSync(join(tmpdir(), "unitsmith-pre-commit-"));
    // unitsmith on PATH, as npm install -g puts it there.
    mkdirSync(join(root, "bin"));
    symlinkSync(CLI, join(root, "bin", "unitsmith"));
    env = {
      ...process.env,
      PATH: `${join(root, "bin")}:${process.env.PATH}`,
      HOME: root,
      PRE_COMMIT_HOME: join(root, "cache"),
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.org",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.org",
    };
    // The hook repository: this repository's hook definitions, committed.
    const hooks = join(root, "hooks");
    mkdirSync(hooks);
    copyFileSync(join(ROOT, ".pre-commit-hooks.yaml"), join(hooks, ".pre-commit-hooks.yaml"));
    git(hooks, "init", "-q");
    git(hooks, "add", ".");
    git(hooks, "commit", "-qm", "hooks");
    const rev = git(hooks, "rev-parse", "HEAD");

    sample = join(root, "sample");
    mkdirSync(join(sample, "units"), { recursive: true });
    git(sample, "init", "-q");
    writeFileSync(
      join(sample, ".pre-commit-config.yaml"),
      `repos:\n  - repo: ${hooks}\n    rev: ${rev}\n    hooks:\n      - id: unitsmith-lint\n      - id: unitsmith-fix\n        stages: [manual]\n`,
    );
    writeFileSync(join(sample, "units/web.service"), "[Unit]\nDescription=web\n\n[Service]\nExecStart=/usr/bin/web\n");
    writeFileSync(join(sample, "README.md"), "not a unit = not linted\n");
    git(sample, "add", ".");
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it("passes a clean repository and fails, naming the finding, when a unit is broken", () => {
    const clean = preCommit("run", "--all-files");
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.match(clean.stdout, /unitsmith lint\.+Passed/);

    writeFileSync(join(sample, "units/web.service"), "[Unit]\nDescription=web\n\n[Service]\nExecStrat=/usr/bin/web\n");
    git(sample, "add", ".");
    const broken = preCommit("run", "--all-files");
    assert.equal(broken.status, 1);
    assert.match(broken.stdout, /unitsmith lint\.+Failed/);
    assert.match(broken.stdout, /units\/web\.service:5:1: error: Unknown directive ExecStrat=.*\[unknown-directive\]/);
  });

  it("the fix hook repairs the unit, and pre-commit reports the file it modified", () => {
    const fixed = preCommit("run", "--hook-stage", "manual", "unitsmith-fix", "--all-files");
    assert.equal(fixed.status, 1, "pre-commit fails a run that modified files");
    assert.match(fixed.stdout, /files were modified by this hook/);
    assert.match(readFileSync(join(sample, "units/web.service"), "utf8"), /^ExecStart=\/usr\/bin\/web$/m);
  });
});
