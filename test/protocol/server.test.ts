import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import {
  CodeActionRequest,
  CompletionRequest,
  CompletionResolveRequest,
  DidChangeTextDocumentNotification,
  DidSaveTextDocumentNotification,
  HoverRequest,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
} from "vscode-languageserver-protocol/node";
import { LspSession } from "./lspClient";

describe("the language server over stdio", () => {
  let session: LspSession;

  before(async () => {
    const started = await LspSession.start();
    session = started.session;
    assert.equal(started.result.serverInfo?.name, "unitsmith-language-server");
    assert.equal(started.result.capabilities.documentSymbolProvider !== undefined, true);
  });

  after(async () => {
    assert.equal(await session.shutdown(), 0);
  });

  it("publishes syntax diagnostics for a malformed file on open", async () => {
    const uri = await session.open(
      "/tmp/protocol/broken.service",
      "Description=early\n[Unit]\nno equals\n[Service\nExecStart=/bin/true \\",
    );
    const { diagnostics } = await session.diagnosticsFor(uri);
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, d.code, d.source]),
      [
        [0, "entry-outside-section", "unitsmith"],
        [1, "missing-exec-start", "unitsmith"],
        [2, "malformed-line", "unitsmith"],
        [3, "invalid-section-header", "unitsmith"],
        [4, "misplaced-directive", "unitsmith"],
        [4, "unterminated-continuation", "unitsmith"],
      ],
    );
  });

  it("updates diagnostics after an incremental edit", async () => {
    const uri = await session.open("/tmp/protocol/edit.service", "[Unit]\nDescription=ok\n[Service]\nExecStart=/usr/bin/true\n");
    const first = await session.diagnosticsFor(uri);
    assert.deepEqual(first.diagnostics, []);
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 11 }, end: { line: 1, character: 12 } }, text: " " }],
    });
    const second = await session.diagnosticsFor(uri, (p) => p.version === 2);
    assert.deepEqual(
      second.diagnostics.map((d) => d.code),
      ["malformed-line"],
    );
  });

  it("answers document symbols and folding ranges", async () => {
    const uri = await session.open("/tmp/protocol/symbols.service", "[Unit]\nDescription=x\n\n[Service]\nExecStart=/bin/a \\\n  b\n");
    const symbols = (await session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as {
      name: string;
      children?: { name: string }[];
    }[];
    assert.deepEqual(
      symbols.map((s) => [s.name, s.children?.map((c) => c.name)]),
      [
        ["[Unit]", ["Description"]],
        ["[Service]", ["ExecStart"]],
      ],
    );
    const folds = await session.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.deepEqual(
      folds?.map((f) => [f.startLine, f.endLine]),
      [
        [0, 1],
        [4, 5],
        [3, 5],
      ],
    );
  });

  it("formats a document with minimal edits", async () => {
    const uri = await session.open("/tmp/protocol/format.service", "[Unit]\nDescription = x\n[Service]\nExecStart=/bin/true\n");
    const edits = await session.connection.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri },
      options: { tabSize: 4, insertSpaces: true },
    });
    assert.deepEqual(
      edits?.map((e) => [e.range.start.line, e.newText]),
      [
        [1, "Description=x\n"],
        [2, "\n[Service]\n"],
      ],
    );
  });

  it("completes directives and documents them on hover", async () => {
    const uri = await session.open("/tmp/protocol/complete.service", "[Service]\nRest\nRestart=always\n");
    const completion = await session.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 1, character: 4 },
    });
    const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
    const restart = items.find((item) => item.label === "Restart");
    assert.ok(restart, "Restart is offered");
    assert.equal(restart.textEdit && "newText" in restart.textEdit ? restart.textEdit.newText : undefined, "Restart=");
    const resolved = await session.connection.sendRequest(CompletionResolveRequest.type, restart);
    assert.match((resolved.documentation as { value: string }).value, /\*\*Restart=\*\*/);
    const hovered = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 2 } });
    const text = (hovered?.contents as { value: string }).value;
    assert.match(text, /\*\*Restart=\*\*/);
    // This machine has systemd's man pages; the hover carries the installed page's own text too.
    assert.match(text, /From the installed systemd\.service\(5\)/);
    assert.doesNotMatch(text, /\\f[BIRP]|\.RS|\\\(/, "no roff left in the Markdown");
  });

  it("reports unknown directives with a suggestion", async () => {
    const uri = await session.open("/tmp/protocol/typo.service", "[Service]\nExecStart=/bin/true\nExecStrat=/bin/true\n");
    const { diagnostics } = await session.diagnosticsFor(uri);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, /Did you mean ExecStart=/.test(typeof d.message === "string" ? d.message : d.message.value)]),
      [["unknown-directive", true]],
    );
    // The link leads to the rule's page the build put beside the server.
    const page = readFileSync(fileURLToPath(diagnostics[0]!.codeDescription!.href), "utf8");
    assert.match(page, /^# `unknown-directive`/);
  });

  it("runs systemd-analyze verify on save and merges what it reports", async () => {
    // A command missing on this machine is something only systemd-analyze can tell.
    const text = "[Service]\nExecStart=/usr/bin/unitsmith-no-such-program\nRestart=sometimes\n";
    const uri = await session.open("/tmp/protocol/verify.service", text);
    await session.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    const { diagnostics } = await session.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.source === "systemd-analyze"), 20_000);
    const fromSystemd = diagnostics.filter((d) => d.source === "systemd-analyze");
    assert.ok(
      fromSystemd.some((d) => /unitsmith-no-such-program/.test(String(d.message))),
      JSON.stringify(fromSystemd),
    );
    // The bad Restart= value both found is shown once, as the server's own.
    const restart = diagnostics.filter((d) => d.range.start.line === 2);
    assert.deepEqual(
      restart.map((d) => [d.source, d.code]),
      [["unitsmith", "invalid-value"]],
    );
  });

  it("offers the quick fix for a misspelled directive", async () => {
    const uri = await session.open("/tmp/protocol/fix.service", "[Service]\nExecStrat=/usr/bin/true\n");
    const { diagnostics } = await session.diagnosticsFor(uri);
    const typo = diagnostics.find((d) => d.code === "unknown-directive")!;
    const actions = await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: typo.range,
      context: { diagnostics: [typo] },
    });
    const rename = actions?.find((a) => "edit" in a && a.edit?.changes?.[uri]?.some((e) => e.newText === "ExecStart"));
    assert.ok(rename, JSON.stringify(actions));
  });

  it("answers requests for unknown documents with empty results instead of failing", async () => {
    const symbols = await session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: "file:///nowhere.service" } });
    assert.deepEqual(symbols, []);
  });
});
