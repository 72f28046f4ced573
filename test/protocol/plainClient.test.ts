import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  CompletionRequest,
  CompletionResolveRequest,
  HoverRequest,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type MarkupContent,
} from "vscode-languageserver-protocol/node";
import { LspSession } from "./lspClient";

/** Markdown a plain-text client would show as it is. */
const MARKUP = /\*\*|`|\]\(|^---$|\$\{\d/m;

describe("a client that declares neither Markdown nor snippets (built server over stdio)", () => {
  let session: LspSession;

  before(async () => {
    // Like a minimal editor: no textDocument capabilities at all.
    session = (await LspSession.start(undefined, { textDocument: {} })).session;
  });

  after(async () => {
    assert.equal(await session.shutdown(), 0);
  });

  const complete = async (uri: string, line: number, character: number): Promise<CompletionItem[]> => {
    const answer = await session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
    return Array.isArray(answer) ? answer : (answer?.items ?? []);
  };

  it("hovers in plain text, the installed man page's text included", async () => {
    const uri = await session.open("/tmp/plain-client/web.service", "[Service]\nRestart=always\n");
    const hovered = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 2 } });
    const contents = hovered?.contents as MarkupContent;
    assert.equal(contents.kind, MarkupKind.PlainText);
    assert.match(contents.value, /^Restart= in \[Service\]/);
    assert.match(contents.value, /systemd\.service\(5\) \(https:\/\/www\.freedesktop\.org\/[^)]+\)/);
    assert.match(contents.value, /From the installed systemd\.service\(5\)/);
    assert.doesNotMatch(contents.value, MARKUP);
  });

  it("offers no snippets outside sections, and inserts a template without a placeholder", async () => {
    const outside = await complete(await session.open("/tmp/plain-client/empty.service", "\n"), 0, 0);
    assert.ok(
      outside.some((item) => item.label === "[Unit]"),
      "sections are offered",
    );
    assert.deepEqual(
      outside.filter((item) => item.insertTextFormat === InsertTextFormat.Snippet).map((item) => item.label),
      [],
    );
    const uri = await session.open("/tmp/plain-client/app.service", "[Unit]\nWants=\n");
    const getty = (await complete(uri, 1, 6)).find((item) => item.label === "getty@.service");
    assert.ok(getty, "the installed getty@.service is offered");
    assert.notEqual(getty.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(getty.textEdit && "newText" in getty.textEdit ? getty.textEdit.newText : undefined, "getty@.service");
  });

  it("resolves directive documentation as plain text, and folds label details into the detail", async () => {
    const uri = await session.open("/tmp/plain-client/doc.service", "[Service]\nRest\nExecStart=/bin/echo %\n");
    const restart = (await complete(uri, 1, 4)).find((item) => item.label === "Restart");
    assert.ok(restart, "Restart is offered");
    const resolved = await session.connection.sendRequest(CompletionResolveRequest.type, restart);
    const doc = resolved.documentation;
    const text =
      typeof doc === "string" ? doc : doc?.kind === MarkupKind.PlainText ? doc.value : assert.fail("the documentation is Markdown");
    assert.match(text, /^Restart= in \[Service\]/);
    assert.doesNotMatch(text, MARKUP);
    const specifier = (await complete(uri, 2, 21)).find((item) => item.label === "%n");
    assert.ok(specifier, "%n is offered");
    assert.equal(specifier.labelDetails, undefined);
    assert.match(specifier.detail ?? "", /= doc\.service/);
  });
});
