import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { DocumentHighlightRequest, WorkspaceSymbolRequest, type SymbolInformation } from "vscode-languageserver-protocol/node";
import { LspSession } from "./lspClient";

describe("document highlight and workspace symbols (built server over stdio)", () => {
  let session: LspSession;
  let workspace: string;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), "unitsmith-navigation-"));
    mkdirSync(join(workspace, "deploy"));
    writeFileSync(join(workspace, "deploy", "web.service"), "[Unit]\nDescription=Web\nAfter=db.service\n[Service]\nExecStart=/bin/true\n");
    writeFileSync(
      join(workspace, "deploy", "db.service"),
      "[Unit]\nDescription=Database\n[Service]\nExecStart=/bin/true\nEnvironment=A=1\n",
    );
    writeFileSync(join(workspace, "deploy", "nightly.timer"), "[Timer]\nOnCalendar=daily\n");
    const started = await LspSession.start(undefined, { workspaceFolders: [workspace] });
    session = started.session;
    assert.equal(started.result.capabilities.documentHighlightProvider, true);
    assert.equal(started.result.capabilities.workspaceSymbolProvider, true);
  });

  after(async () => {
    assert.equal(await session.shutdown(), 0);
    rmSync(workspace, { recursive: true, force: true });
  });

  const highlights = async (text: string, line: number, character: number) => {
    const uri = await session.open(join(workspace, "deploy", "app.service"), text);
    const found =
      (await session.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri }, position: { line, character } })) ?? [];
    return found.map((highlight) => {
      const row = text.split("\n")[highlight.range.start.line]!;
      return `${highlight.range.start.line}:${row.slice(highlight.range.start.character, highlight.range.end.character)}`;
    });
  };

  it("highlights every place a unit is named, an instance counting for its template", async () => {
    const text = "[Unit]\nAfter=db.service getty@tty1.service\nWants=db.service\nDescription=db.service\nConflicts=getty@.service\n";
    assert.deepEqual(await highlights(text, 1, 8), ["1:db.service", "2:db.service"]);
    assert.deepEqual(await highlights(text, 4, 12), ["1:getty@tty1.service", "4:getty@.service"]);
  });

  it("highlights every assignment of the directive under the cursor", async () => {
    const text = "[Service]\nEnvironment=A=1\nExecStart=/bin/true\nEnvironment=B=2\n";
    assert.deepEqual(await highlights(text, 3, 3), ["1:Environment", "3:Environment"]);
    assert.deepEqual(await highlights(text, 3, 14), [], "nothing for a plain value");
  });

  it("lists the workspace's units, and the directives matching a query", async () => {
    const names = (symbols: SymbolInformation[]) =>
      symbols.map((symbol) => `${symbol.name}${symbol.containerName ? ` in ${symbol.containerName}` : ""}`);
    const query = async (text: string) =>
      names(((await session.connection.sendRequest(WorkspaceSymbolRequest.type, { query: text })) ?? []) as SymbolInformation[]);
    assert.deepEqual((await query("")).sort(), ["db.service", "nightly.timer", "web.service"]);
    assert.deepEqual(await query("nightly"), ["nightly.timer"]);
    assert.deepEqual((await query("Environ")).sort(), ["Environment=A=1 in db.service [Service]"]);
  });
});
