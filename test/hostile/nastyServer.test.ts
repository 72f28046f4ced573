import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  CompletionRequest,
  DidSaveTextDocumentNotification,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  type MarkupContent,
} from "vscode-languageserver-protocol/node";
import { LspSession } from "../protocol/lspClient";
import { FIFTY_MB, NASTY_FILES, editorText } from "./nastyFiles";

const codesOf = (diagnostics: { code?: unknown }[]) => new Set(diagnostics.map((d) => String(d.code)));

describe("nasty files through the built server over stdio", () => {
  let session: LspSession;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "unitsmith-nasty-"));
    session = (await LspSession.start(undefined, { cwd: dir })).session;
  });

  after(async () => {
    assert.equal(await session.shutdown(), 0);
    rmSync(dir, { recursive: true, force: true });
  });

  for (const file of NASTY_FILES.filter((f) => f.bytes().length < FIFTY_MB)) {
    it(`${file.what}: says what the file is, answers every feature, verifies on save without a shell`, async () => {
      const text = editorText(file);
      const uri = await session.open(join(dir, file.name), text);
      const { diagnostics } = await session.diagnosticsFor(uri, () => true, 30_000);
      const codes = codesOf(diagnostics);
      for (const code of file.codes) assert.ok(codes.has(code), `${code} expected among ${[...codes].join(", ")}`);
      for (const code of file.notCodes) assert.ok(!codes.has(code), `${code} not expected`);

      const textDocument = { uri };
      const lines = text.split(/\r\n|\r|\n/);
      const symbols = await session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
      const folds = await session.connection.sendRequest(FoldingRangeRequest.type, { textDocument });
      assert.ok(Array.isArray(symbols) && Array.isArray(folds));
      if (codes.has("file-too-large")) assert.deepEqual([symbols, folds], [[], []], "nothing but the size diagnostic");
      else if (!codes.has("invalid-encoding")) {
        const headers = lines.map((line) => line.replace(/^\uFEFF/, "")).filter((line) => /^\[[A-Za-z]+\]$/.test(line));
        assert.deepEqual(
          symbols.map((symbol) => symbol.name),
          headers,
          "a symbol for each section header",
        );
      }
      for (const position of [
        { line: 1, character: 3 },
        { line: lines.length - 1, character: 0 },
      ]) {
        const completion = await session.connection.sendRequest(CompletionRequest.type, { textDocument, position });
        // A list of unit names is sent capped and marked incomplete; every other answer is an array.
        assert.ok(Array.isArray(completion) || Array.isArray(completion?.items), `completion answers at ${JSON.stringify(position)}`);
        const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument, position });
        if (position.line === 1 && lines[1]!.startsWith("Description=") && !codes.has("file-too-large")) {
          assert.match((hover?.contents as MarkupContent | undefined)?.value ?? "", /Description=/, "hover on Description= explains it");
        }
      }

      // systemd-analyze verify runs on save; what it finds arrives later, with source systemd-analyze.
      const publications = session.allDiagnostics(uri).length;
      await session.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument });
      const verified = await session.until(
        () => session.allDiagnostics(uri).slice(publications).at(-1),
        30_000,
        () => `no verify result for ${file.name}; logs: ${session.logs.join("\n")}`,
      );
      const said = verified.diagnostics.filter((d) => d.source === "systemd-analyze").map((d) => String(d.message));
      const expected = file.verifySays ?? [];
      for (const pattern of expected)
        assert.ok(
          said.some((message) => pattern.test(message)),
          `${pattern} among ${JSON.stringify(said)}`,
        );
      if (expected.length === 0) assert.deepEqual(said, []);
      assert.equal(existsSync(join(dir, "pwned")), false, "a file name was run through a shell");
    });
  }

  it("the 10,000 continuation lines fold as one value and the 100,000 sections are 100,000 symbols", async () => {
    const continued = NASTY_FILES.find((f) => f.name === "continued.service")!;
    const uri = await session.open(join(dir, "again-continued.service"), editorText(continued));
    const folds = await session.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.ok(folds?.some((f) => f.startLine === 1 && f.endLine === 10_002));
    const sections = NASTY_FILES.find((f) => f.name === "sections.target")!;
    const sectionsUri = await session.open(join(dir, "again-sections.target"), editorText(sections));
    const symbols = await session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: sectionsUri } });
    assert.equal(symbols?.length, 100_000);
  });
});

describe("a 50 MB file and the size limit (built server over stdio)", () => {
  it("says the file is too large and nothing else, and answers requests on another document afterwards", async () => {
    const { session } = await LspSession.start();
    const huge = NASTY_FILES.find((f) => f.name === "huge.target")!;
    const uri = await session.open("/tmp/hostile/huge.target", editorText(huge));
    const { diagnostics } = await session.diagnosticsFor(uri, () => true, 60_000);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ["file-too-large"],
    );
    assert.equal(
      await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 2 } }),
      null,
    );
    const other = await session.open("/tmp/hostile/small.service", "[Service]\nExecStart=/bin/true\nRestart=\n");
    const items = await session.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: other },
      position: { line: 2, character: 8 },
    });
    assert.ok(Array.isArray(items) && items.some((item) => item.label === "on-failure"));
    assert.equal(await session.shutdown(), 0);
  });

  it("takes the limit from the unitsmith.maxFileSizeKB setting", async () => {
    const { session } = await LspSession.start(undefined, { settings: { maxFileSizeKB: 512 } });
    const long = NASTY_FILES.find((f) => f.name === "longline.target")!;
    // The settings arrive after initialization; a document opened before may be analysed once with the default.
    const uri = await session.open("/tmp/hostile/longline.target", editorText(long));
    const { diagnostics } = await session.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.code === "file-too-large"), 30_000);
    assert.equal(diagnostics.length, 1);
    assert.equal(await session.shutdown(), 0);
  });
});
