import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { TextDocument } from "vscode-languageserver-textdocument";
import { fileUri } from "../../src/language/fileUri";
import { emptyHost } from "../../src/language/host";
import { createUnitLanguageService } from "../../src/language/languageService";
import { messageFrame } from "../../src/lsp/publicationJson";
import { realisticUnit } from "../../../test/bench/realisticUnit";

const SEED = 20261203;
const PUBLISH = "textDocument/publishDiagnostics";

/** The frame the server writes for a message, and the frame of JSON.stringify's text. */
const written = (message: unknown) => Buffer.from(messageFrame(message)).toString("utf8");
function expected(message: unknown): string {
  const json = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`;
}

function deepFrozen<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const each of Object.values(value)) deepFrozen(each);
    Object.freeze(value);
  }
  return value;
}

const json = fc.jsonValue();
/** Diagnostics and what else a list may hold: objects frozen or not, with any JSON inside, and values JSON cannot say. */
const item = fc.oneof(
  fc.record({ range: json, message: fc.string({ unit: "binary" }), data: fc.option(json) }),
  fc.record({ range: json, message: fc.string({ unit: "binary" }), data: fc.option(json) }).map(deepFrozen),
  json,
  fc.constantFrom(undefined, () => 1, Object.freeze({ toJSON: () => "said" }), Object.freeze({ toJSON: () => undefined })),
);
/** Members of params before and after the list, in any order, some of which JSON leaves out. */
const members = fc.dictionary(
  fc.string({ unit: "binary" }).filter((key) => key !== "diagnostics"),
  fc.oneof(json, fc.constant(undefined)),
  { maxKeys: 4 },
);
const message = fc
  .record({
    method: fc.constantFrom(PUBLISH, "window/logMessage"),
    before: members,
    after: members,
    uri: fc.constantFrom("file:///a.service", "file:///b.service", 7),
    diagnostics: fc.oneof(fc.array(item, { maxLength: 12 }), json),
  })
  .map(({ method, before, after, uri, diagnostics }) => ({
    jsonrpc: "2.0",
    method,
    params: { ...before, uri, diagnostics, ...after },
  }));

describe("The frame of a publication", () => {
  it("holds byte for byte JSON.stringify's text, also for diagnostics whose JSON was kept from an earlier publication", () => {
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 4 }), (messages) => {
        // Each list twice over: the second time its frozen diagnostics come from what was kept.
        for (const each of [...messages, ...messages]) {
          assert.equal(written(each), expected(each));
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it("writes any other message as JSON.stringify does", () => {
    const others = [
      { jsonrpc: "2.0", id: 1, result: null },
      { jsonrpc: "2.0", method: PUBLISH },
      { jsonrpc: "2.0", method: PUBLISH, params: [1] },
    ];
    for (const each of others) assert.equal(written(each), expected(each));
  });

  it("keeps the JSON of the service's diagnostics, which are frozen whole", async () => {
    const service = createUnitLanguageService(emptyHost(), { rulePages: "file:///rules/" });
    const text = realisticUnit(300);
    const uri = fileUri("/srv/bench/app.service");
    const first = await service.diagnostics(TextDocument.create(uri, "systemd-unit", 1, text));
    const second = await service.diagnostics(TextDocument.create(uri, "systemd-unit", 2, `#\n${text}`));
    assert.ok(first.length > 50);
    const frozenWhole = (value: unknown): boolean =>
      typeof value !== "object" || value === null || (Object.isFrozen(value) && Object.values(value).every(frozenWhole));
    assert.ok(second.every(frozenWhole));
    const before = { jsonrpc: "2.0", method: PUBLISH, params: { uri, version: 1, diagnostics: first } };
    const after = { jsonrpc: "2.0", method: PUBLISH, params: { uri, version: 2, diagnostics: second } };
    assert.equal(written(before), expected(before));
    assert.equal(written(after), expected(after));
  });
});
