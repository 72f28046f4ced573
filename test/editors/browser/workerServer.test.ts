// The browser build of the language server in a real browser: Debian's Chromium loads the worker
// bundle from a page on localhost, and an LSP client in the page (vscode-languageserver-protocol's
// browser connection, lspPage.ts) speaks to it over the worker's message port. The workspace is
// in memory under a URI scheme that is no file system of this machine's.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { build } from "esbuild";
import type { Page } from "playwright-core";
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DidOpenTextDocumentNotification,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  ReferencesRequest,
  RenameRequest,
  WorkspaceSymbolRequest,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type InitializeResult,
  type Location,
  type MarkupContent,
  type SymbolInformation,
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver-protocol";
import { TextDocument } from "vscode-languageserver-textdocument";
import { READ_WORKSPACE_FILE, WORKSPACE_FILES } from "../../../server/src/protocol";
import { runAnalyze } from "../../../server/test/values/systemdAnalyze";
import { launchChromium, type HeadlessChromium } from "../vscode/chromium";
import { repoRoot as ROOT } from "../support/paths";

const WORKSPACE = "vscode-vfs://github/acme/units";
const API = `${WORKSPACE}/api.service`;
const API_TEXT = "[Unit]\nWants=db.service\nAfter=db.service\n\n[Service]\nExecStart=/usr/bin/acme-api\n";
const FILES: Record<string, string> = {
  [API]: API_TEXT,
  [`${WORKSPACE}/db.service`]: "[Unit]\nDescription=The acme database\n\n[Service]\nExecStart=/usr/bin/acme-db\n",
  [`${WORKSPACE}/README.md`]: "not a unit\n",
};
const WEB = `${WORKSPACE}/web.service`;
const WEB_TEXT = "[Unit]\nDescription = Web front end\nWants=d\n\n[Service]\nExecStart=/usr/bin/acme-web\nRestrat=always\n";
const TIMER = `${WORKSPACE}/leap.timer`;
// Elapses only on 29 February, so the worker and systemd-analyze, asked a moment apart, agree.
const EXPRESSION = "*-02-29 12:00 America/New_York";

/** Serves the page, its LSP client and the built worker bundle on a free port of 127.0.0.1. */
async function servePage(): Promise<Server> {
  const page = await build({
    entryPoints: [join(ROOT, "test/editors/browser/lspPage.ts")],
    bundle: true,
    platform: "browser",
    format: "iife",
    write: false,
    logLevel: "silent",
  });
  const files: Record<string, { type: string; body: string | Buffer }> = {
    "/": { type: "text/html", body: '<!doctype html><title>worker</title><link rel="icon" href="data:,"><script src="/page.js"></script>' },
    "/page.js": { type: "text/javascript", body: page.outputFiles[0]!.text },
    "/browserServer.js": { type: "text/javascript", body: await readFile(join(ROOT, "server/dist/browserServer.js")) },
  };
  const server = createServer((request, response) => {
    const file = files[request.url ?? ""];
    response.writeHead(file ? 200 : 404, { "content-type": file?.type ?? "text/plain" });
    response.end(file?.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

describe("the language server in a web worker, in Chromium", () => {
  let server: Server;
  let browser: HeadlessChromium;
  let page: Page;
  const problems: string[] = [];

  const request = <R>(method: string, params: unknown) =>
    page.evaluate(([m, p]) => window.lsp.request(m as string, p), [method, params] as const) as Promise<R>;
  const notify = (method: string, params: unknown) =>
    page.evaluate(([m, p]) => window.lsp.notify(m as string, p), [method, params] as const);
  const open = (uri: string, text: string) =>
    notify(DidOpenTextDocumentNotification.method, { textDocument: { uri, languageId: "systemd-unit", version: 1, text } });
  const complete = async (line: number, character: number): Promise<CompletionItem[]> => {
    const answer = await request<CompletionList | CompletionItem[]>(CompletionRequest.method, {
      textDocument: { uri: WEB },
      position: { line, character },
    });
    return Array.isArray(answer) ? answer : answer.items;
  };
  const diagnosticsOf = async (uri: string): Promise<Diagnostic[]> => {
    const handle = await page.waitForFunction((u) => window.lsp.diagnostics(u), uri, { timeout: 60_000 });
    return (await handle.jsonValue()) as Diagnostic[];
  };

  before(async () => {
    server = await servePage();
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.evaluate((files) => (window.workspace = files), FILES);
    const result = await request<InitializeResult>(InitializeRequest.method, {
      processId: null,
      rootUri: WORKSPACE,
      workspaceFolders: [{ uri: WORKSPACE, name: "units" }],
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          completion: { completionItem: { snippetSupport: true, documentationFormat: ["markdown"] } },
          hover: { contentFormat: ["markdown"] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix"] } } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
    });
    assert.equal(result.serverInfo?.name, "unitsmith-language-server (browser)");
    await notify(InitializedNotification.method, {});
    await open(WEB, WEB_TEXT);
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  it("publishes the rules' diagnostics, and offers the quick fix", async () => {
    const diagnostics = await diagnosticsOf(WEB);
    const typo = diagnostics.find((d) => d.code === "unknown-directive");
    assert.ok(typo, JSON.stringify(diagnostics));
    assert.equal(typo.range.start.line, 6);
    const actions = await request<CodeAction[]>(CodeActionRequest.method, {
      textDocument: { uri: WEB },
      range: typo.range,
      context: { diagnostics: [typo] },
    });
    const fix = actions.find((action) => action.kind === "quickfix");
    assert.equal(fix?.edit?.changes?.[WEB]?.[0]?.newText, "Restart");
  });

  it("completes directives, and unit names of the workspace that the client listed and read", async () => {
    const directives = await complete(6, 2);
    assert.ok(
      directives.some((item) => item.label === "Restart"),
      JSON.stringify(directives.slice(0, 3)),
    );
    const db = (await complete(2, 7)).find((item) => item.label === "db.service");
    assert.ok(db, "db.service from the workspace");
    assert.match(JSON.stringify(db), /The acme database/);
    const asked = await page.evaluate(() => window.lsp.asked);
    assert.ok(asked.includes(WORKSPACE_FILES) && asked.includes(READ_WORKSPACE_FILE), asked.join(", "));
  });

  it("hovers a directive with its bundled summary", async () => {
    const hover = await request<Hover>(HoverRequest.method, { textDocument: { uri: WEB }, position: { line: 5, character: 3 } });
    assert.match((hover.contents as MarkupContent).value, /Command \(with arguments\) run to start the service/);
  });

  it("formats the document and lists its sections", async () => {
    const edits = await request<TextEdit[]>(DocumentFormattingRequest.method, {
      textDocument: { uri: WEB },
      options: { tabSize: 2, insertSpaces: true },
    });
    const formatted = TextDocument.applyEdits(TextDocument.create(WEB, "systemd-unit", 1, WEB_TEXT), edits);
    assert.equal(formatted, WEB_TEXT.replace("Description = Web", "Description=Web"));
    const symbols = await request<DocumentSymbol[]>(DocumentSymbolRequest.method, { textDocument: { uri: WEB } });
    assert.deepEqual(
      symbols.map((symbol) => symbol.name),
      ["[Unit]", "[Service]"],
    );
  });

  it("hovers OnCalendar= with the next elapses that systemd-analyze calendar gives in the browser's time zone", async () => {
    await open(TIMER, `[Unit]\nDescription=leap day\n\n[Timer]\nOnCalendar=${EXPRESSION}\n`);
    const hover = await request<Hover>(HoverRequest.method, { textDocument: { uri: TIMER }, position: { line: 4, character: 14 } });
    const listed = [...(hover.contents as MarkupContent).value.matchAll(/^- (\w{3} \S+ \S+ \S+)/gm)].map((m) => m[1]);
    const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    const run = await runAnalyze("calendar", [EXPRESSION], ["--iterations=5"], zone);
    assert.deepEqual(
      listed,
      [...run.stdout.matchAll(/(?:Next elapse|Iter\. #\d+): (.+)$/gm)].map((m) => m[1]),
    );
  });

  it("points at other workspace files by the workspace's own URIs, not file: ones", async () => {
    await open(API, API_TEXT);
    const at = { textDocument: { uri: API }, position: { line: 1, character: 8 } };
    const definition = await request<Location[]>(DefinitionRequest.method, at);
    assert.deepEqual(
      definition.map((location) => location.uri),
      [`${WORKSPACE}/db.service`],
    );
    const references = await request<Location[]>(ReferencesRequest.method, { ...at, context: { includeDeclaration: false } });
    assert.deepEqual(
      references.map((location) => [location.uri, location.range.start.line]),
      [
        [API, 1],
        [API, 2],
      ],
    );
    const symbols = await request<SymbolInformation[]>(WorkspaceSymbolRequest.method, { query: "db" });
    assert.ok(
      symbols.some((symbol) => symbol.name === "db.service" && symbol.location.uri === `${WORKSPACE}/db.service`),
      JSON.stringify(symbols),
    );
    const edit = await request<WorkspaceEdit>(RenameRequest.method, { ...at, newName: "store.service" });
    const uris = (edit.documentChanges ?? []).map((change) =>
      "textDocument" in change ? change.textDocument.uri : "oldUri" in change ? `${change.oldUri} -> ${change.newUri}` : change.kind,
    );
    assert.deepEqual(uris, [API, `${WORKSPACE}/db.service -> ${WORKSPACE}/store.service`]);
  });

  it("left nothing in the browser's console: no error in the page or the worker", () => {
    assert.deepEqual(problems, []);
  });
});
