// The exposure score over plain LSP (the built server over stdio): a lens on [Service] and a table
// in its hover, for the unit as systemd loads it with its drop-ins, and "Harden this service"
// whose title previews the score; each number held equal to systemd-analyze security --offline.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { TextDocument } from "vscode-languageserver-textdocument";
import {
  CodeActionRequest,
  CodeLensRequest,
  CodeLensResolveRequest,
  HoverRequest,
  type CodeAction,
  type MarkupContent,
} from "vscode-languageserver-protocol/node";
import { hasSystemdAnalyze } from "../../server/test/values/systemdAnalyze";
import { LspSession } from "./lspClient";

const SERVICE = "[Unit]\nDescription=Exposure\n\n[Service]\nExecStart=/usr/bin/node /srv/web/server.js\nStateDirectory=web\n";
const DROP_IN = "[Service]\nPrivateTmp=yes\nNoNewPrivileges=yes\n";

/** What systemd-analyze prints as the overall score of a unit file (drop-ins beside it included). */
function systemdScore(path: string, runtimeDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, XDG_RUNTIME_DIR: runtimeDir, SYSTEMD_COLORS: "0", SYSTEMD_PAGER: "cat" };
    execFile("systemd-analyze", ["security", "--offline=true", "--", path], { env, timeout: 60_000 }, (error, stdout) => {
      const score = /Overall exposure level for .*?: (\d+\.\d \w+)/.exec(stdout)?.[1];
      return score ? resolve(score) : reject(error ?? new Error(stdout));
    });
  });
}

describe("the exposure score (built server over stdio)", { skip: !hasSystemdAnalyze() && "systemd-analyze is not installed" }, () => {
  let session: LspSession;
  let workspace: string;
  let path: string;
  let uri: string;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), "unitsmith-exposure-lsp-"));
    path = join(workspace, "web.service");
    writeFileSync(path, SERVICE);
    mkdirSync(`${path}.d`);
    writeFileSync(join(`${path}.d`, "50-sandbox.conf"), DROP_IN);
    ({ session } = await LspSession.start(undefined, { workspaceFolders: [workspace] }));
    uri = await session.open(path, SERVICE);
  });

  after(async () => {
    assert.equal(await session.shutdown(), 0);
    rmSync(workspace, { recursive: true, force: true });
  });

  it("shows the score of the unit with its drop-ins on [Service], as systemd-analyze computes it", async () => {
    const lenses = (await session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
    const resolved = await Promise.all(lenses.map((lens) => session.connection.sendRequest(CodeLensResolveRequest.type, lens)));
    const exposure = resolved.find((lens) => lens.command?.title.startsWith("exposure "));
    assert.equal(exposure?.range.start.line, 3, "on the [Service] header");
    assert.equal(exposure?.command?.title, `exposure ${await systemdScore(path, workspace)}`);
  });

  it("hovers [Service] with the rows that add to the score", async () => {
    const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 3 } });
    const text = (hover?.contents as MarkupContent).value;
    assert.match(text, new RegExp(`\\*\\*exposure ${(await systemdScore(path, workspace)).replace(".", "\\.")}\\*\\*`));
    assert.match(text, /\| `PrivateNetwork=` \| .+ \| 0\.\d \|/);
    assert.doesNotMatch(text, /\| `PrivateTmp=` \|/, "the drop-in's PrivateTmp=yes passes");
  });

  it("offers Harden this service with the score it reaches, and reaches it", async () => {
    const actions = (await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
      context: { diagnostics: [], only: ["refactor"] },
    })) as CodeAction[];
    const harden = actions.find((action) => action.title.startsWith("Harden this service"));
    const preview = /exposure (\d\.\d \w+) → (\d\.\d \w+)/.exec(harden?.title ?? "");
    assert.ok(preview, `a preview in ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(preview[1], await systemdScore(path, workspace));
    assert.doesNotMatch(harden!.edit!.changes![uri]!.map((edit) => edit.newText).join(""), /MemoryDenyWriteExecute|PrivateNetwork/);
    const hardened = TextDocument.applyEdits(TextDocument.create(uri, "systemd-unit", 1, SERVICE), harden!.edit!.changes![uri]!);
    writeFileSync(path, hardened);
    assert.equal(preview[2], await systemdScore(path, workspace), "systemd scores the hardened unit as the title said");
  });
});
