import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TextDocument } from "vscode-languageserver-textdocument";
import { fileUri } from "../../src/language/fileUri";
import { emptyHost } from "../../src/language/host";
import { createUnitLanguageService, PARSES_KEPT } from "../../src/language/languageService";
import { realisticUnit } from "../../../test/bench/realisticUnit";

const SETTINGS = { rulePages: "file:///rules/" };
const documentOf = (i: number, version: number, text: string) =>
  TextDocument.create(fileUri(`/etc/systemd/system/unit-${i}.service`), "systemd-unit", version, text);

describe("the parses the service keeps", () => {
  it("answers a document whose parse it dropped as it answered it before, and after an edit as a fresh service does", async () => {
    const service = createUnitLanguageService(emptyHost(), SETTINGS);
    const documents = Array.from({ length: PARSES_KEPT + 5 }, (_, i) => documentOf(i, 1, realisticUnit(100 + i)));
    const position = { line: 2, character: 2 };
    const first = { diagnostics: await service.diagnostics(documents[0]!), hover: await service.hover(documents[0]!, position) };
    for (const document of documents.slice(1)) await service.diagnostics(document);
    assert.deepEqual(await service.hover(documents[0]!, position), first.hover);
    assert.deepEqual(await service.diagnostics(documents[0]!), first.diagnostics);
    const edited = documentOf(0, 2, documents[0]!.getText().replace("[Service]", "[Service]\nNoSuchKey=1"));
    for (const document of documents.slice(1)) await service.diagnostics(document);
    const fresh = await createUnitLanguageService(emptyHost(), SETTINGS).diagnostics(edited);
    assert.deepEqual(await service.diagnostics(edited), fresh);
    assert.ok(fresh.length > first.diagnostics.length, "the edit added a finding");
  });
});
