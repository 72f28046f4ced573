import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
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

  it("runs nothing in an untrusted workspace and says why, not even systemd-analyze on save; trusted, the next save runs it", async () => {
    // A wrapper first on PATH that notes each call and hands it to the real systemd-analyze.
    const real = (process.env.PATH ?? "")
      .split(delimiter)
      .map((d) => join(d, "systemd-analyze"))
      .find((p) => existsSync(p));
    assert.ok(real, "systemd-analyze is installed");
    const bin = mkdtempSync(join(dir, "bin-"));
    const calls = join(bin, "calls");
    writeFileSync(join(bin, "systemd-analyze"), `#!/bin/sh\necho "$1" >> '${calls}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
    const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ""}` };
    const { session } = await LspSession.start({ trusted: false }, { env });
    try {
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
      // The own checks still run.
      await session.diagnosticsFor(uri);
      // Trusted now, saving another file runs systemd-analyze; by the time its finding arrives a run
      // for the untrusted save, which came first, would show in the calls too.
      await session.connection.sendNotification("unitsmith/trustChanged", { trusted: true });
      const trustedPath = join(dir, "trusted.service");
      // A program not installed here: systemd-analyze says so, and nothing of ours says the same.
      const trustedText = "[Service]\nExecStart=/nonexistent/unitsmith-test\n";
      writeFileSync(trustedPath, trustedText);
      const trustedUri = await session.open(trustedPath, trustedText);
      await session.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: trustedUri } });
      await session.diagnosticsFor(trustedUri, (p) => p.diagnostics.some((d) => d.source === "systemd-analyze"));
      assert.deepEqual(readFileSync(calls, "utf8").trim().split("\n"), ["verify"]);
      assert.equal(await session.shutdown(), 0);
    } finally {
      // A failed assertion must not leave the server running and the test file waiting for it.
      if (session.process.exitCode === null) session.process.kill();
    }
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
