import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { ExecuteCommandRequest } from "vscode-languageserver-protocol/node";
import { EFFECTIVE_UNIT, type EffectiveUnitAnswer } from "../../server/src/protocol";
import { LspSession } from "./lspClient";

describe("the effective unit over the protocol (built server over stdio)", () => {
  let session: LspSession;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "unitsmith-effective-lsp-"));
    mkdirSync(join(dir, "app.service.d"));
    writeFileSync(join(dir, "app.service"), "[Service]\nExecStart=/bin/true\nNice=1\n");
    writeFileSync(join(dir, "app.service.d", "10-nice.conf"), "[Service]\nNice=5\n");
    session = (await LspSession.start()).session;
  });

  after(async () => {
    assert.equal(await session.shutdown(), 0);
    rmSync(dir, { recursive: true, force: true });
  });

  const ask = (argument: unknown) =>
    session.connection.sendRequest(ExecuteCommandRequest.type, {
      command: EFFECTIVE_UNIT,
      arguments: [argument],
    }) as Promise<EffectiveUnitAnswer>;

  it("answers the unit with the editor's unsaved text and the drop-in on disk", async () => {
    const uri = await session.open(join(dir, "app.service"), "[Service]\nExecStart=/bin/true\nNice=1\nUser=web\n");
    const answer = await ask({ uri });
    assert.ok(answer.ok, JSON.stringify(answer));
    assert.equal(answer.unit, "app.service");
    assert.deepEqual(answer.files, [join(dir, "app.service"), join(dir, "app.service.d", "10-nice.conf")]);
    assert.match(answer.text, new RegExp(`# ${dir}/app.service.d/10-nice.conf:2\nNice=5\n`));
    assert.match(answer.text, /\nUser=web\n/, "the open document's text, not the file's");
    assert.doesNotMatch(answer.text, /Nice=1/);
  });

  it("reads a file that is not open, and refuses what is not a unit with a message", async () => {
    const fromDisk = await ask({ uri: pathToFileURL(join(dir, "app.service.d", "10-nice.conf")).href });
    assert.ok(fromDisk.ok && fromDisk.unit === "app.service", JSON.stringify(fromDisk));
    const notUnit = await ask({ uri: pathToFileURL(join(dir, "notes.txt")).href });
    assert.deepEqual(notUnit, { ok: false, message: `${join(dir, "notes.txt")} cannot be read` });
    const bad = await ask({ path: "/etc" });
    assert.equal(bad.ok, false);
  });
});
