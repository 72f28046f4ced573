import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parseUnitFile, type UnitFile } from "../../src/language/parser";
import { documentOf, testService } from "../service";
import { installedUnitFiles } from "./installedUnitFiles";

const format = (text: string, keepSpacesAroundEquals = false) =>
  testService({}, { format: { keepSpacesAroundEquals } }).formattedText(documentOf("unit.service", text))!;

/** What systemd reads: every section with its directives and values, in order. */
function reading(file: UnitFile): string[] {
  return [
    ...file.orphanEntries.map((e) => `?${e.key}=${e.value}`),
    ...file.sections.flatMap((s) => [`[${s.name}]`, ...s.entries.map((e) => `${e.key}=${e.value}`)]),
  ];
}

describe("formatting", () => {
  const cases: [name: string, input: string, output: string][] = [
    ["spaces around = go", "[Unit]\nDescription = Web app\n", "[Unit]\nDescription=Web app\n"],
    ["trailing whitespace goes", "[Unit]  \nDescription=x \t\n# note  \n", "[Unit]\nDescription=x\n# note\n"],
    ["a final newline is added", "[Unit]\nDescription=x", "[Unit]\nDescription=x\n"],
    ["blank lines at the start and end go", "\n\n[Unit]\nA=1\n\n\n", "[Unit]\nA=1\n"],
    [
      "one blank line between sections",
      "[Unit]\nA=1\n[Service]\nB=2\n\n\n\n[Install]\nC=3\n",
      "[Unit]\nA=1\n\n[Service]\nB=2\n\n[Install]\nC=3\n",
    ],
    [
      "comments above a header stay with it",
      "[Unit]\nA=1\n# the service\n[Service]\nB=2\n",
      "[Unit]\nA=1\n\n# the service\n[Service]\nB=2\n",
    ],
    ["empty assignments keep their meaning", "[Service]\nExecStart = \nExecStart=/bin/a\n", "[Service]\nExecStart=\nExecStart=/bin/a\n"],
    ["indentation of keys, headers and comments goes", "  [Unit]\n\tA=1\n   # c\n", "[Unit]\nA=1\n# c\n"],
    [
      "continuation lines keep their indentation and inner comments",
      "[Service]\nExecStart = /bin/a \\\n    --one \\\n  # why  \n    --two   \n",
      "[Service]\nExecStart=/bin/a \\\n    --one \\\n  # why\n    --two\n",
    ],
    ["CRLF files stay CRLF", "[Unit]\r\nA = 1\r\n[Service]\r\nB=2", "[Unit]\r\nA=1\r\n\r\n[Service]\r\nB=2\r\n"],
    ["a BOM is kept", "\uFEFF[Unit]\nA = 1\n", "\uFEFF[Unit]\nA=1\n"],
    [
      "a trailing blank that protects a backslash stays",
      "[Unit]\nDescription=ends in \\ \nA=1\n",
      "[Unit]\nDescription=ends in \\ \nA=1\n",
    ],
    ["malformed lines are left alone", "[Unit]\n  what is this  \nA=1\n", "[Unit]\n  what is this  \nA=1\n"],
    ["the setting keeps spaces around =", "[Unit]\nA = 1\n", "[Unit]\nA = 1\n"],
  ];
  for (const [name, input, output] of cases) {
    it(name, () => {
      const formatted = format(input, name.startsWith("the setting"));
      assert.equal(formatted, output);
      assert.equal(format(formatted, name.startsWith("the setting")), formatted, "idempotent");
      assert.deepEqual(reading(parseUnitFile(formatted)), reading(parseUnitFile(input)), "systemd reads the same");
    });
  }

  it("edits only the lines that change, and a range only its own lines", () => {
    const document = documentOf("unit.service", "[Unit]\nA = 1\nB=2\nC = 3\n");
    const service = testService();
    assert.deepEqual(
      service.format(document).map((e) => [e.range.start.line, e.newText]),
      [
        [1, "A=1\n"],
        [3, "C=3\n"],
      ],
    );
    const ranged = service.format(document, { start: { line: 3, character: 0 }, end: { line: 3, character: 2 } });
    assert.deepEqual(
      ranged.map((e) => e.newText),
      ["C=3\n"],
    );
  });

  it("is idempotent and changes nothing systemd reads, on generated documents (fast-check, fixed seed)", () => {
    const line = fc.oneof(
      fc.constantFrom(
        "[Unit]",
        " [Service] ",
        "# c ",
        "; c",
        "",
        "  ",
        "A = b ",
        "ExecStart=/bin/a \\",
        "  --flag \\",
        "x\\ ",
        "=v",
        "bad",
        "K=\t",
      ),
      fc.string({ maxLength: 10 }),
    );
    const doc = fc.tuple(fc.array(line, { maxLength: 25 }), fc.constantFrom("\n", "\r\n", "\r")).map(([lines, eol]) => lines.join(eol));
    fc.assert(
      fc.property(doc, (text) => {
        const once = format(text);
        assert.equal(format(once), once);
        assert.deepEqual(reading(parseUnitFile(once)), reading(parseUnitFile(text)));
      }),
      { seed: 424242, numRuns: 2000 },
    );
  });

  it("is idempotent and keeps every directive and value of the unit files on this machine", () => {
    const files = installedUnitFiles();
    let changed = 0;
    for (const path of files) {
      const text = readFileSync(path, "utf8");
      const once = format(text);
      if (once !== text) changed++;
      assert.equal(format(once), once, path);
      assert.deepEqual(reading(parseUnitFile(once)), reading(parseUnitFile(text)), path);
    }
    console.log(`formatted ${files.length} installed unit files, ${changed} would change`);
  });
});
