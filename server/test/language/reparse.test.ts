import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parseUnitFile, reparseUnitFile, type UnitFile } from "../../src/language/parser";
import { realisticUnit } from "../../../test/bench/realisticUnit";
import { installedUnitFiles } from "./installedUnitFiles";
import { applyEdit, editsFor } from "./randomEdits";

const SEED = 20261203;

/** The parse as plain data: what any feature can read of it. */
const plain = (file: UnitFile) => ({
  text: file.text,
  nodes: file.nodes,
  orphanEntries: file.orphanEntries,
  sections: file.sections,
  lineStarts: file.lines.lineStarts,
});

function checkEdits(texts: readonly string[], runs: number, template = false): void {
  fc.assert(
    fc.property(fc.nat(texts.length - 1), fc.nat(), (index, salt) => {
      let text = texts[index]!;
      let file = parseUnitFile(text, { template });
      for (const edit of editsFor(text, salt)) {
        text = applyEdit(text, edit);
        // Each edit starts from the reparsed file before it, as the language service chains them.
        file = reparseUnitFile(file, text, { template });
        assert.deepEqual(plain(file), plain(parseUnitFile(text, { template })));
      }
    }),
    { seed: SEED, numRuns: runs },
  );
}

describe("incremental reparse", () => {
  it("equals a full parse after random edits of this machine's installed units", () => {
    const units = installedUnitFiles()
      .slice(0, 400)
      .map((path) => readFileSync(path, "utf8"));
    assert.ok(units.length > 20, `only ${units.length} installed units found`);
    checkEdits(units, 600);
  });

  it("equals a full parse after random edits of the bench's realistic units", () => {
    checkEdits([realisticUnit(300), realisticUnit(5000)], 40);
  });

  it("equals a full parse of build templates, whose template lines read as comments", () => {
    checkEdits(["[Unit]\n{% if x %}\nDescription=a \\\n{% endif %}\n  b\n[Service]\nExecStart=/bin/true\n"], 300, true);
  });

  it("keeps the nodes before an edit, and those after it when the length is the same", () => {
    const text = realisticUnit(300);
    const file = parseUnitFile(text);
    const line = file.lines.lineStarts.find((start, i) => i > 40 && /[A-Z]/.test(text[start]!))!;
    const replaced = reparseUnitFile(file, `${text.slice(0, line)}#${text.slice(line + 1)}`);
    const at = replaced.nodes.findIndex((node) => node.start === line);
    assert.ok(at > 10);
    // The line just before is read again too: a lone "\r" ending it could become "\r\n".
    assert.equal(replaced.nodes[at - 2], file.nodes[at - 2]);
    assert.notEqual(replaced.nodes[at], file.nodes[at]);
    assert.equal(replaced.nodes.at(-1), file.nodes.at(-1));
    const inserted = reparseUnitFile(file, `${text.slice(0, line)}#${text.slice(line)}`);
    assert.equal(inserted.nodes[at - 2], file.nodes[at - 2]);
    assert.equal(inserted.nodes.at(-1)!.start, file.nodes.at(-1)!.start + 1);
  });
});
