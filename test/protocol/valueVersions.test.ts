import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  CompletionRequest,
  CompletionResolveRequest,
  HoverRequest,
  type CompletionItem,
  type CompletionList,
  type MarkupContent,
} from "vscode-languageserver-protocol/node";
import { LspSession } from "./lspClient";

const itemsOf = (result: CompletionItem[] | CompletionList | null) => (Array.isArray(result) ? result : (result?.items ?? []));

describe("versions of values for several targets, over stdio", () => {
  let session: LspSession;
  const folder = join(tmpdir(), "unitsmith-value-versions");

  before(async () => {
    const options = { settings: { systemdVersion: "debian-12, ubuntu-24.04", verify: { onSave: false } } };
    session = (await LspSession.start({}, options)).session;
  });

  after(async () => {
    assert.equal(await session.shutdown(), 0);
  });

  it("reports a value newer than a target, naming each target that lacks it", async () => {
    const uri = await session.open(join(folder, "web.service"), "[Service]\nType=notify-reload\nExecStart=|echo hi\nPrivateTmp=yes\n");
    const { diagnostics } = await session.diagnosticsFor(uri, (p) => p.diagnostics.length > 0);
    const rows = diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}:${String(d.code)} ${d.message}`);
    assert.deepEqual(rows, [
      "1:5:newer-value Type=notify-reload needs systemd 253; debian-12 has 252, where systemd ignores the line.",
      '2:10:newer-value The "|" prefix of ExecStart= needs systemd 258; debian-12 has 252, ubuntu-24.04 has 255, where systemd ignores the line.',
    ]);
  });

  it("marks completed values with the release that added them", async () => {
    const uri = await session.open(join(folder, "app.service"), "[Service]\nPrivateTmp=");
    const items = itemsOf(
      await session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 1, character: 11 } }),
    );
    const disconnected = items.find((item) => item.label === "disconnected");
    assert.deepEqual(disconnected?.labelDetails, { description: "systemd 257+" });
    assert.match(disconnected?.detail ?? "", /Needs systemd 257; debian-12 has 252, ubuntu-24.04 has 255\./);
    const yes = items.find((item) => item.label === "yes")!;
    assert.equal(yes.labelDetails, undefined);
    assert.ok(disconnected!.sortText! > yes.sortText!);
  });

  it("takes the target of the project file over the editor's, in completion and hover", async () => {
    const project = await mkdtemp(join(tmpdir(), "unitsmith-project-target-"));
    try {
      await mkdir(join(project, "units"));
      await writeFile(join(project, ".unitsmith.json"), JSON.stringify({ systemdVersion: ["ubuntu-22.04", "rhel-9"] }));
      const complete = async (uri: string, line: number, character: number) =>
        itemsOf(await session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } }));

      const uri = await session.open(join(project, "units", "app.service"), "[Service]\nType=\nExitType=main\nExitT");
      const types = await complete(uri, 1, 5);
      assert.doesNotMatch(types.find((item) => item.label === "exec")?.detail ?? "", /Needs/, "exec (240) is in every target");
      const reload = types.find((item) => item.label === "notify-reload");
      assert.match(reload?.detail ?? "", /Needs systemd 253; ubuntu-22\.04 has 249, rhel-9 has 252\./);

      const exitType = (await complete(uri, 3, 5)).find((item) => item.label === "ExitType");
      assert.match(exitType?.detail ?? "", /systemd 250\+ · newer than 249/);
      const resolved = await session.connection.sendRequest(CompletionResolveRequest.type, exitType!);
      assert.match((resolved.documentation as MarkupContent).value, /Since systemd 250 \(newer than the target, 249\)\./);

      const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 2 } });
      assert.match((hover?.contents as MarkupContent).value, /Since systemd 250 \(newer than the target, 249\)\./);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });
});
