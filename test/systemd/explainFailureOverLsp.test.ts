// Why a unit failed, over plain LSP: the built language server runs inside a real systemd (the
// nspawn container, with a copy of node), as it does on a server an editor reaches remotely. A
// client speaking only the protocol asks it to start or explain units broken on purpose, and the
// diagnostic arrives on the line that caused the failure, then clears once the file changes.
import assert from "node:assert/strict";
import { cpSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import {
  DidChangeTextDocumentNotification,
  ExecuteCommandRequest,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";
import { COMMANDS } from "../../server/src/protocol/commands";
import { LspSession } from "../protocol/lspClient";
import { bootContainer, type Container } from "./harness/container";
import { pollUntil } from "./harness/poll";

const bootTimeout = 15 * 60_000;
const testTimeout = 180_000;
/** Where the container holds its copy of node and of the built server. */
const INSIDE = "/opt/unitsmith";
const UNITS = "/etc/systemd/system";
const REPO = join(__dirname, "../..");

const MISSING_PROGRAM = "[Unit]\nDescription=Broken on purpose\n\n[Service]\nType=simple\nExecStart=/usr/local/bin/not-there --serve\n";
const NO_USER = "[Unit]\nDescription=Broken on purpose\n\n[Service]\nUser=ghost-user\nExecStart=/bin/true\n";

const lineOf = (text: string, start: string) => text.split("\n").findIndex((line) => line.startsWith(start));

describe("Explain Failure over the protocol, against a real systemd", () => {
  let container: Container;
  let session: LspSession;

  /** The first publication for `uri` holding a diagnostic with `code`. */
  const failureOn = (uri: string, code: string): Promise<PublishDiagnosticsParams> =>
    session.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.code === code), 60_000);
  const only = (published: PublishDiagnosticsParams, code: string): Diagnostic => {
    const found = published.diagnostics.filter((d) => d.code === code);
    assert.equal(found.length, 1, JSON.stringify(published.diagnostics));
    return found[0]!;
  };

  before(
    async () => {
      container = await bootContainer({ name: "lsp-failure" });
      // The host's node and the built server, copied into the container's file system.
      const root = `/proc/${container.pid}/root${INSIDE}`;
      mkdirSync(root, { recursive: true });
      cpSync(process.execPath, join(root, "node"));
      for (const dir of ["server/bin", "server/dist"]) cpSync(join(REPO, dir), join(root, dir), { recursive: true });
      await container.writeFile(`${UNITS}/exec-missing.service`, MISSING_PROGRAM);
      await container.writeFile(`${UNITS}/no-user.service`, NO_USER);
      await container.run(["systemctl", "daemon-reload"]);
      const { prefix, env } = container.execPrefix();
      ({ session } = await LspSession.start(
        { trusted: true },
        {
          node: [...prefix, `${INSIDE}/node`],
          serverBin: `${INSIDE}/server/bin/unitsmith-language-server.js`,
          env: { ...process.env, ...env },
        },
      ));
    },
    { timeout: bootTimeout },
  );

  after(
    async () => {
      if (session) assert.equal(await session.shutdown(), 0);
      await container?.stop();
    },
    { timeout: testTimeout },
  );

  test("Explain Failure puts 203/EXEC on ExecStart= of a unit that failed", { timeout: testTimeout }, async () => {
    await container.run(["systemctl", "start", "--no-block", "exec-missing.service"]);
    await pollUntil("exec-missing.service to fail", Date.now() + 90_000, async () => {
      const state = await container.run(["systemctl", "show", "--property=ActiveState", "--value", "exec-missing.service"]);
      return state.stdout.trim() === "failed" ? true : undefined;
    });
    const uri = await session.open(`${UNITS}/exec-missing.service`, MISSING_PROGRAM);
    const answer = (await session.connection.sendRequest(ExecuteCommandRequest.type, {
      command: COMMANDS.explainFailure,
      arguments: [{ uri }],
    })) as { ok: boolean; failed?: boolean; cause?: string; message?: string };
    assert.equal(answer.ok, true, JSON.stringify(answer));
    assert.equal(answer.cause, "203/EXEC", answer.message);
    const diagnostic = only(await failureOn(uri, "203/EXEC"), "203/EXEC");
    assert.equal(diagnostic.range.start.line, lineOf(MISSING_PROGRAM, "ExecStart="));
    assert.match(String(diagnostic.message), /\/usr\/local\/bin\/not-there could not be executed: No such file or directory/);
  });

  test(
    "a start from the editor that fails is explained on User=, and the diagnostic clears when the file changes",
    {
      timeout: testTimeout,
    },
    async () => {
      const uri = await session.open(`${UNITS}/no-user.service`, NO_USER);
      await session.connection.sendRequest(ExecuteCommandRequest.type, { command: COMMANDS.start, arguments: [{ uri }] });
      const diagnostic = only(await failureOn(uri, "217/USER"), "217/USER");
      assert.equal(diagnostic.range.start.line, lineOf(NO_USER, "User="));

      await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: NO_USER.replace("ghost-user", "root") }],
      });
      const cleared = await session.diagnosticsFor(uri, (p) => p.version === 2, 30_000);
      assert.ok(!cleared.diagnostics.some((d) => d.code === "217/USER"), JSON.stringify(cleared.diagnostics));
    },
  );
});
