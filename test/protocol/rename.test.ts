import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import {
  PrepareRenameRequest,
  RenameRequest,
  WillRenameFilesRequest,
  type TextDocumentEdit,
  type WorkspaceEdit,
} from "vscode-languageserver-protocol/node";
import { LspSession } from "./lspClient";

/** Each change of an edit in order: "path: new texts" for text edits, "old → new" for renamed files. */
function described(edit: WorkspaceEdit | null, root: string): string[] {
  const relative = (uri: string) => decodeURIComponent(new URL(uri).pathname).slice(root.length + 1);
  return (edit?.documentChanges ?? []).map((change) =>
    "kind" in change
      ? `${relative((change as { oldUri: string }).oldUri)} → ${relative((change as { newUri: string }).newUri)}`
      : `${relative((change as TextDocumentEdit).textDocument.uri)}: ${(change as TextDocumentEdit).edits.map((e) => ("newText" in e ? e.newText : "")).join(" ")}`,
  );
}

describe("renaming a unit (built server over stdio)", () => {
  let session: LspSession;
  let root: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), "unitsmith-rename-"));
    mkdirSync(join(root, "units", "db.service.d"), { recursive: true });
    writeFileSync(join(root, "units", "db.service"), "[Unit]\nDescription=Database\n[Service]\nExecStart=/bin/true\n");
    writeFileSync(join(root, "units", "db.service.d", "limits.conf"), "[Service]\nLimitNOFILE=4096\n");
    writeFileSync(
      join(root, "units", "web.service"),
      "[Unit]\nAfter=db.service\nWants=db.service\nBindsTo=systemd-journald.socket\n[Service]\nExecStart=/bin/true\n",
    );
    writeFileSync(join(root, "units", "greet@.service"), "[Service]\nExecStart=/bin/echo %i\n");
    writeFileSync(join(root, "units", "hello.target"), "[Unit]\nWants=greet@world.service greet@moon.service\n");
    session = (await LspSession.start(undefined, { workspaceFolders: [root] })).session;
  });

  after(async () => {
    assert.equal(await session.shutdown(), 0);
    rmSync(root, { recursive: true, force: true });
  });

  const at = async (file: string, line: number, character: number) => {
    const uri = await session.open(
      join(root, "units", file),
      await import("node:fs").then((fs) => fs.readFileSync(join(root, "units", file), "utf8")),
    );
    return { textDocument: { uri }, position: { line, character } };
  };

  it("prepares on a unit name, and renames the file, its drop-in directory and every reference", async () => {
    const params = await at("web.service", 1, 8);
    const prepared = await session.connection.sendRequest(PrepareRenameRequest.type, params);
    assert.deepEqual(prepared, { range: { start: { line: 1, character: 6 }, end: { line: 1, character: 16 } }, placeholder: "db.service" });
    const edit = await session.connection.sendRequest(RenameRequest.type, { ...params, newName: "postgres.service" });
    assert.deepEqual(described(edit, root), [
      "units/web.service: postgres.service postgres.service",
      "units/db.service → units/postgres.service",
      "units/db.service.d → units/postgres.service.d",
    ]);
  });

  it("renames a template with its instances from an instance's name", async () => {
    const edit = await session.connection.sendRequest(RenameRequest.type, {
      ...(await at("hello.target", 1, 8)),
      newName: "salute@world.service",
    });
    assert.deepEqual(described(edit, root), [
      "units/hello.target: salute@world.service salute@moon.service",
      "units/greet@.service → units/salute@.service",
    ]);
  });

  it("refuses, with the reason, installed units, names systemd rejects and another type", async () => {
    const installed = await at("web.service", 3, 12);
    const refusal = (params: object) =>
      session.connection.sendRequest(RenameRequest.type, params as never).then(
        () => "renamed",
        (error: Error) => error.message,
      );
    assert.match(await refusal({ ...installed, newName: "x.socket" }), /systemd-journald\.socket is not a unit of the workspace/);
    const prepareRefused = await session.connection
      .sendRequest(PrepareRenameRequest.type, installed)
      .catch((error: Error) => error.message);
    assert.match(String(prepareRefused), /not a unit of the workspace/);
    const prepared = await session.connection
      .sendRequest(PrepareRenameRequest.type, (await at("hello.target", 1, 1)) as never)
      .catch((error: Error) => error.message);
    assert.equal(prepared, null, "nothing to rename on a directive name");
    const web = await at("web.service", 1, 8);
    assert.match(await refusal({ ...web, newName: "db.socket" }), /must keep the type of db\.service/);
    assert.match(await refusal({ ...web, newName: "bad name.service" }), /is not a name systemd accepts/);
    assert.match(await refusal({ ...web, newName: "web.service" }), /exists already/);
  });

  it("updates references when a unit file is renamed in the editor's explorer", async () => {
    const edit = await session.connection.sendRequest(WillRenameFilesRequest.type, {
      files: [
        { oldUri: pathToFileURL(join(root, "units", "db.service")).href, newUri: pathToFileURL(join(root, "units", "pg.service")).href },
      ],
    });
    assert.deepEqual(described(edit, root), ["units/web.service: pg.service pg.service"]);
  });
});
