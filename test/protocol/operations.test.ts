import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { CodeActionRequest, DidSaveTextDocumentNotification, ExecuteCommandRequest } from "vscode-languageserver-protocol/node";
import { LspSession } from "./lspClient";

describe("operations over the protocol", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "unitsmith-ops-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("shows security findings as diagnostics with quick fixes that add the hardening directive", async () => {
    const { session, result } = await LspSession.start();
    assert.ok(result.capabilities.executeCommandProvider?.commands.includes("unitsmith.systemd.security"));
    const path = join(dir, "web.service");
    const text = "[Unit]\nDescription=Web\n\n[Service]\nExecStart=/usr/bin/true\n";
    writeFileSync(path, text);
    const uri = await session.open(path, text);
    await session.diagnosticsFor(uri);
    const answer = (await session.connection.sendRequest(ExecuteCommandRequest.type, {
      command: "unitsmith.systemd.security",
      arguments: [{ uri }],
    })) as { ok: boolean };
    assert.equal(answer.ok, true, JSON.stringify(answer));
    const { diagnostics } = await session.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.source === "systemd-analyze security"));
    const privateTmp = diagnostics.find((d) => d.code === "PrivateTmp=");
    assert.ok(privateTmp, "PrivateTmp= is among the findings");
    const actions = await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: privateTmp.range,
      context: { diagnostics: [privateTmp] },
    });
    const fix = actions?.find((a) => "edit" in a && a.edit);
    assert.ok(fix && "edit" in fix, "a quick fix is offered");
    const edits = fix.edit!.changes![uri]!;
    assert.ok(
      edits.some((e) => /PrivateTmp=yes/.test(e.newText)),
      JSON.stringify(edits),
    );
    assert.equal(await session.shutdown(), 0);
  });

  it("runs nothing in an untrusted workspace and says why, not even systemd-analyze on save", async () => {
    const { session } = await LspSession.start({ trusted: false });
    const path = join(dir, "untrusted.service");
    writeFileSync(path, "[Service]\nRestart=sometimes\n");
    const uri = await session.open(path, "[Service]\nRestart=sometimes\n");
    const answer = (await session.connection.sendRequest(ExecuteCommandRequest.type, {
      command: "unitsmith.systemd.status",
      arguments: [{ unit: "ssh.service", scope: "system" }],
    })) as { ok: boolean; reason: string; message: string };
    assert.deepEqual([answer.ok, answer.reason], [false, "untrusted-workspace"]);
    assert.match(answer.message, /not trusted/);
    await session.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    // The own checks still run; no systemd-analyze diagnostic may ever arrive.
    await session.diagnosticsFor(uri);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(
      session.allDiagnostics(uri).some((p) => p.diagnostics.some((d) => d.source === "systemd-analyze")),
      false,
    );
    assert.equal(await session.shutdown(), 0);
  });

  it("refuses a unit name with shell metacharacters before running anything", async () => {
    const { session } = await LspSession.start();
    const answer = (await session.connection.sendRequest(ExecuteCommandRequest.type, {
      command: "unitsmith.systemd.start",
      arguments: [{ unit: "app; rm -rf /", scope: "system" }],
    })) as { ok: boolean; reason: string; message: string };
    assert.equal(answer.ok, false);
    assert.match(answer.message, /not a valid unit name/);
    assert.equal(await session.shutdown(), 0);
  });
});
