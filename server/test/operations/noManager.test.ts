// Install, status and uninstall for the user scope with the real systemctl and no user manager to
// reach (an empty runtime directory and no session bus): the file still goes in and comes out,
// and every answer says which steps were done and which were not.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, test } from "node:test";
import { executeOperation } from "../../src/operations/commands";
import { createOperationContext } from "../../src/operations/context";
import { COMMANDS } from "../../src/protocol/commands";
import type { InstallResult, OperationFailure, UninstallResult } from "../../src/protocol/operationResults";

const work = mkdtempSync(join(tmpdir(), "unitsmith-no-manager-"));
after(() => rmSync(work, { recursive: true, force: true }));
const runtime = join(work, "runtime");
mkdirSync(runtime);
const context = createOperationContext({
  policy: { isTrusted: () => true },
  exec: { env: { XDG_RUNTIME_DIR: runtime, DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(runtime, "no-bus")}` } },
  directories: { system: join(work, "system"), user: join(work, "user") },
});
const source = join(work, "notes.service");
writeFileSync(source, "[Service]\nExecStart=/bin/true\n\n[Install]\nWantedBy=default.target\n");
const installed = join(work, "user", "notes.service");

test("install writes the file and says the manager's steps were not done", async () => {
  const answer = (await executeOperation(context, COMMANDS.install, {
    uri: pathToFileURL(source).href,
    scope: "user",
    enable: true,
    start: true,
  })) as InstallResult;
  assert.equal(answer.ok, true, JSON.stringify(answer));
  assert.equal(readFileSync(installed, "utf8"), readFileSync(source, "utf8"));
  assert.equal(answer.managerUnreachable, true);
  assert.match(
    answer.message,
    new RegExp(
      `^Wrote ${installed}\\. Not done: reload the user manager, enable and start notes\\.service\\. There is no systemd user manager`,
    ),
  );
});

test("status says the file is installed and the manager unreachable", async () => {
  const answer = (await executeOperation(context, COMMANDS.status, { unit: "notes.service", scope: "user" })) as OperationFailure;
  assert.equal(answer.reason, "no-systemd");
  assert.equal(answer.installedFile, installed);
  assert.match(answer.message, /^notes\.service is installed \(.+ is present\), but there is no systemd user manager/);
});

test("uninstall removes the file without a manager and says what it could not do", async () => {
  const answer = (await executeOperation(context, COMMANDS.uninstall, { unit: "notes.service", scope: "user" })) as UninstallResult;
  assert.equal(answer.ok, true, JSON.stringify(answer));
  assert.equal(existsSync(installed), false);
  assert.equal(answer.removed, installed);
  assert.match(answer.message, new RegExp(`^Removed ${installed}\\. Not done: stop, disable and reload the user manager\\.`));
  const after = (await executeOperation(context, COMMANDS.status, { unit: "notes.service", scope: "user" })) as OperationFailure;
  assert.equal(after.installedFile, undefined);
});
