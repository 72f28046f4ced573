import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  CompletionRequest,
  DefinitionRequest,
  DocumentLinkRequest,
  ExecuteCommandRequest,
  ReferencesRequest,
  SemanticTokensRequest,
  type CompletionItem,
  type CompletionList,
  type Location,
} from "vscode-languageserver-protocol/node";
import { LspSession } from "./lspClient";

// Units that Debian 12's systemd package installs on every machine of this project.
const INSTALLED = "/lib/systemd/system";
const hasUnits = existsSync(join(INSTALLED, "systemd-journald.service")) && existsSync(join(INSTALLED, "multi-user.target"));

describe("IntelliSense over stdio", { skip: !hasUnits && "no systemd units installed" }, () => {
  let session: LspSession;
  // Documents are opened under here; nothing is written.
  const folder = join(tmpdir(), "unitsmith-intellisense");

  before(async () => {
    const started = await LspSession.start({ snippets: false, manPageLinks: "document" });
    session = started.session;
    assert.deepEqual(started.result.capabilities.semanticTokensProvider?.legend.tokenTypes, ["namespace", "property", "macro", "type"]);
  });

  after(async () => {
    assert.equal(await session.shutdown(), 0);
  });

  const itemsOf = (result: CompletionItem[] | CompletionList | null) => (Array.isArray(result) ? result : (result?.items ?? []));

  it("completes installed unit names with their description", async () => {
    const uri = await session.open(join(folder, "web.service"), "[Unit]\nAfter=systemd-journ\n");
    const items = itemsOf(
      await session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 1, character: 19 } }),
    );
    const journald = items.find((item) => item.label === "systemd-journald.service");
    assert.ok(
      journald,
      `offered: ${items
        .slice(0, 5)
        .map((item) => item.label)
        .join(", ")}`,
    );
    assert.equal(journald.detail, "Journal Service");
    assert.ok(!items.some((item) => item.label === "service"), "no snippets when the client has its own");
  });

  it("goes to the definition of a unit name", async () => {
    const uri = await session.open(join(folder, "goto.service"), "[Unit]\nAfter=multi-user.target\n");
    const result = (await session.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri },
      position: { line: 1, character: 10 },
    })) as Location[];
    assert.equal(result.length, 1);
    assert.match(result[0]!.uri, /\/lib\/systemd\/system\/multi-user\.target$/);
  });

  it("finds the installed units that refer to a unit", async () => {
    const journal = await session.open(join(folder, "ref.service"), "[Unit]\nAfter=systemd-journald.socket\n");
    const installed = await session.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: journal },
      position: { line: 1, character: 10 },
      context: { includeDeclaration: false },
    });
    assert.ok(installed?.some((location) => location.uri.endsWith("/systemd-journald.service")));
  });

  it("links Documentation= and existing paths, and renders a man page on request", async () => {
    const uri = await session.open(
      join(folder, "links.service"),
      "[Unit]\nDocumentation=man:systemd.exec(5)\n[Service]\nExecStart=/usr/bin/env true\n",
    );
    const links = await session.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } });
    assert.deepEqual(
      links?.map((link) => link.target),
      ["unitsmith-man:/systemd.exec(5).md", "file:///usr/bin/env"],
    );
    const page = (await session.connection.sendRequest(ExecuteCommandRequest.type, {
      command: "unitsmith.showManPage",
      arguments: [{ name: "systemd.exec(5)" }],
    })) as { ok: boolean; markdown?: string };
    if (existsSync("/usr/share/man/man5/systemd.exec.5.gz")) assert.match(page.markdown ?? "", /ExecSearchPath=|WorkingDirectory=/);
  });

  it("answers semantic tokens with the advertised legend", async () => {
    const uri = await session.open(join(folder, "tokens.service"), "[Unit]\nAfter=a.service\nBogus=1\n");
    const tokens = await session.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    // [Unit] namespace, After property, a.service type, Bogus unknown property: 4 tokens of 5 numbers.
    assert.equal(tokens?.data.length, 20);
    assert.deepEqual(tokens?.data.slice(15), [1, 0, 5, 1, 2]);
  });
});
