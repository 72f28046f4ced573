import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import { TextDocument } from "vscode-languageserver-textdocument";
import { fileUri } from "../../src/language/fileUri";
import { emptyHost } from "../../src/language/host";
import { createUnitLanguageService } from "../../src/language/languageService";
import { realisticUnit } from "../../../test/bench/realisticUnit";
import { installedUnitFiles } from "./installedUnitFiles";
import { applyEdit, editsFor } from "./randomEdits";

const SEED = 20261203;
const SETTINGS = { rulePages: "file:///rules/" };

/**
 * A service that analyses one document edit after edit, as the server does (reusing the parse,
 * the value checks and the diagnostics of the version before), must say what a new service
 * says of each version from scratch.
 */
async function checkEdits(units: readonly { path: string; text: string }[], runs: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.nat(units.length - 1), fc.nat(), async (index, salt) => {
      const { path, text: original } = units[index]!;
      const service = createUnitLanguageService(emptyHost(), SETTINGS);
      let text = original;
      let version = 1;
      await service.diagnostics(TextDocument.create(fileUri(path), "systemd-unit", version, text));
      for (const edit of editsFor(text, salt)) {
        text = applyEdit(text, edit);
        const document = TextDocument.create(fileUri(path), "systemd-unit", ++version, text);
        const fresh = await createUnitLanguageService(emptyHost(), SETTINGS).diagnostics(document);
        assert.deepEqual(await service.diagnostics(document), fresh);
      }
    }),
    { seed: SEED, numRuns: runs },
  );
}

describe("diagnostics kept between analyses", () => {
  it("equal fresh ones after random edits of the bench's realistic units", async () => {
    await checkEdits(
      [
        { path: "/etc/systemd/system/bench.service", text: realisticUnit(300) },
        { path: "/etc/systemd/system/bench.service", text: realisticUnit(3000) },
      ],
      25,
    );
  });

  it("equal fresh ones after random edits of this machine's installed units", async () => {
    const units = installedUnitFiles()
      .slice(0, 300)
      .map((path) => ({ path: path.replace(/^\/(usr\/)?lib\//, "/etc/"), text: readFileSync(path, "utf8") }));
    await checkEdits(units, 150);
  });

  it("equal fresh ones over a long run of keystrokes, across the whole parses made now and then", async () => {
    const path = "/etc/systemd/system/bench.service";
    const service = createUnitLanguageService(emptyHost(), SETTINGS);
    let text = realisticUnit(300);
    for (let version = 1; version <= 40; version++) {
      const line = text.indexOf("\n", (version * 997) % text.length) + 1;
      text = `${text.slice(0, line)}${version % 3 ? "#" : "X"}${text.slice(line)}`;
      const document = TextDocument.create(fileUri(path), "systemd-unit", version, text);
      assert.deepEqual(await service.diagnostics(document), await createUnitLanguageService(emptyHost(), SETTINGS).diagnostics(document));
    }
  });

  it("are the same objects where an edit changed nothing, whether or not the lines moved", async () => {
    const path = "/etc/systemd/system/bench.service";
    const service = createUnitLanguageService(emptyHost(), SETTINGS);
    const text = realisticUnit(300);
    const before = await service.diagnostics(TextDocument.create(fileUri(path), "systemd-unit", 1, text));
    const at = text.indexOf("\n") + 1;
    const typed = await service.diagnostics(
      TextDocument.create(fileUri(path), "systemd-unit", 2, `${text.slice(0, at)}#${text.slice(at)}`),
    );
    const later = (list: typeof before) => list.filter((d) => d.range.start.line > 2);
    assert.ok(later(before).length > 20);
    for (const code of ["invalid-value", "duplicate-directive"]) {
      const [a, b] = [later(before), later(typed)].map((list) => list.filter((d) => d.code === code));
      assert.ok(a!.length > 0 && a!.every((d, i) => d === b![i]), code);
    }
  });

  it("follow a change of severities and of the rule pages", async () => {
    const path = "/etc/systemd/system/bench.service";
    const text = realisticUnit(300);
    const service = createUnitLanguageService(emptyHost(), SETTINGS);
    const before = await service.diagnostics(TextDocument.create(fileUri(path), "systemd-unit", 1, text));
    assert.ok(before.some((d) => d.code === "duplicate-directive" && d.severity === 2));
    const settings = { severities: { "duplicate-directive": "error" as const }, rulePages: "file:///other/" };
    service.configure(settings);
    const document = TextDocument.create(fileUri(path), "systemd-unit", 2, text);
    const after = await service.diagnostics(document);
    assert.deepEqual(after, await createUnitLanguageService(emptyHost(), settings).diagnostics(document));
    assert.ok(after.every((d) => d.codeDescription?.href.startsWith("file:///other/")));
    assert.ok(after.some((d) => d.code === "duplicate-directive" && d.severity === 1));
  });
});
