import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { DidChangeTextDocumentNotification } from "vscode-languageserver-protocol/node";
import { machineDiagnostics, withoutRulePages } from "../../server/test/service";
import { DocumentGeometry } from "../hostile/documentGeometry";
import { validUnit } from "../hostile/documents";
import { LspSession } from "../protocol/lspClient";
import { childrenOf, memoryOf } from "./serverProcess";

const DOCUMENTS = 1000;
const EDITS = 10_000;
const SEED = 7;
const TYPED = "ExecStart=/usr/bin/app %i\n[Service]\nRestart=always =\\\n#;";

describe("1,000 open documents and 10,000 keystrokes (built server over stdio, untrusted: no processes)", () => {
  let session: LspSession;

  before(async () => {
    session = (await LspSession.start({ trusted: false })).session;
  });

  after(async () => {
    assert.equal(await session.shutdown(), 0);
  });

  it("publishes, for every document, the diagnostics of its last version, and starts no process", async () => {
    const pid = session.process.pid!;
    const before = memoryOf(pid);
    const texts = fc.sample(validUnit("/srv/app.service"), { seed: SEED, numRuns: DOCUMENTS });
    const docs = await Promise.all(
      texts.map(async (text, i) => {
        const path = `/srv/load/unit-${i}.service`;
        return { path, uri: await session.open(path, text), text, version: 1 };
      }),
    );
    // One character a keystroke, each an incremental change, written without waiting for anything.
    const random = fc.sample(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { seed: SEED, numRuns: EDITS });
    for (const [i, [doc, at, key]] of random.entries()) {
      const d = docs[doc % DOCUMENTS]!;
      const geometry = new DocumentGeometry(d.text);
      let offset = at % (d.text.length + 1);
      // Never between the CR and the LF of a CRLF: no position names that place.
      if (d.text[offset - 1] === "\r" && d.text[offset] === "\n") offset--;
      const line = geometry.lineStarts.filter((start) => start <= offset).length - 1;
      const position = { line, character: offset - geometry.lineStarts[line]! };
      const typed = TYPED[key % TYPED.length]!;
      d.version++;
      void session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: d.uri, version: d.version },
        contentChanges: [{ range: { start: position, end: position }, text: typed }],
      });
      d.text = d.text.slice(0, offset) + typed + d.text.slice(offset);
      if (i % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    for (const d of docs) {
      const published = await session.diagnosticsFor(d.uri, (p) => p.version === d.version, 120_000);
      assert.deepEqual(withoutRulePages(published.diagnostics), await machineDiagnostics(d.path, d.text), d.uri);
    }
    const stale = docs.filter((d) => session.allDiagnostics(d.uri).at(-1)?.version !== d.version);
    assert.deepEqual(
      stale.map((d) => d.uri),
      [],
      "the last publication of each document is for its last version",
    );
    assert.deepEqual(childrenOf(pid), []);
    const afterwards = memoryOf(pid);
    console.log(
      `load: ${DOCUMENTS} documents, ${EDITS} edits; server RSS ${before.rssMB.toFixed(0)} MB before, ` +
        `${afterwards.rssMB.toFixed(0)} MB after, peak ${afterwards.peakMB.toFixed(0)} MB`,
    );
  });
});
