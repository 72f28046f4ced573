import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { CodeLensRequest, CodeLensResolveRequest } from "vscode-languageserver-protocol/node";
import { LspSession } from "./lspClient";

describe("the unit lens (built server over stdio)", () => {
  let session: LspSession;
  let workspace: string;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), "unitsmith-lens-"));
    writeFileSync(join(workspace, "web.service"), "[Unit]\nWants=db.service\nAfter=db.service\n[Service]\nExecStart=/bin/true\n");
    writeFileSync(join(workspace, "db.service"), "[Service]\nExecStart=/bin/true\n");
    const started = await LspSession.start(undefined, { workspaceFolders: [workspace] });
    session = started.session;
    assert.deepEqual(started.result.capabilities.codeLensProvider, { resolveProvider: true });
  });

  after(async () => {
    assert.equal(await session.shutdown(), 0);
    rmSync(workspace, { recursive: true, force: true });
  });

  const lensesOf = async (path: string, text: string) => {
    const uri = await session.open(path, text);
    const lenses = (await session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
    return Promise.all(lenses.map((lens) => session.connection.sendRequest(CodeLensResolveRequest.type, lens)));
  };

  it("counts the places that name the unit, above its first section", async () => {
    const [lens, exposure, ...more] = await lensesOf(join(workspace, "db.service"), "[Service]\nExecStart=/bin/true\n");
    assert.deepEqual(more, []);
    assert.equal(exposure?.command?.title, "exposure 9.6 UNSAFE", "a service's [Service] header has its exposure score too");
    assert.deepEqual(lens?.range.start, { line: 0, character: 0 });
    assert.equal(lens?.command?.title, "2 references");
  });

  it("counts for the unit a drop-in extends, and shows no lens on other files", async () => {
    const [lens] = await lensesOf(join(workspace, "web.service.d", "override.conf"), "[Service]\nNice=5\n");
    assert.equal(lens?.command?.title, "0 references");
    assert.deepEqual(await lensesOf(join(workspace, "eth0.network"), "[Match]\nName=eth0\n"), []);
  });
});
