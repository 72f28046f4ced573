import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseUnitFile, type EntryNode, type Node } from "../../src/language/parser";

const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

function entries(text: string): EntryNode[] {
  return parseUnitFile(text).nodes.filter((n): n is EntryNode => n.kind === "entry");
}

describe("parser: entries as systemd reads them", () => {
  const cases: { name: string; text: string; key: string; value: string; raw?: string }[] = [
    { name: "plain", text: "[Unit]\nDescription=Web app\n", key: "Description", value: "Web app" },
    { name: "spaces around =", text: "[Unit]\nDescription  =  Web app  \n", key: "Description", value: "Web app" },
    { name: "tabs and leading indent", text: "[Unit]\n\tAfter\t=\tnetwork.target\n", key: "After", value: "network.target" },
    { name: "empty assignment", text: "[Service]\nExecStart=\n", key: "ExecStart", value: "" },
    { name: "= inside the value", text: "[Service]\nEnvironment=A=1 B=2\n", key: "Environment", value: "A=1 B=2" },
    { name: "# inside a value is not a comment", text: "[Unit]\nDescription=Item #1\n", key: "Description", value: "Item #1" },
    {
      name: "continuation joins with a space",
      text: "[Service]\nExecStart=/bin/echo one \\\n  two\n",
      key: "ExecStart",
      value: "/bin/echo one    two",
      raw: "/bin/echo one \\\n  two",
    },
    {
      name: "comment lines inside a continuation are skipped",
      text: "[Service]\nExecStart=/bin/echo \\\n# skipped\n; skipped too\n  two\n",
      key: "ExecStart",
      value: "/bin/echo    two",
      raw: "/bin/echo \\\n# skipped\n; skipped too\n  two",
    },
    {
      name: "an escaped backslash does not continue",
      text: "[Service]\nExecStart=/bin/echo a\\\\\n",
      key: "ExecStart",
      value: "/bin/echo a\\\\",
    },
    { name: "CRLF line ends", text: "[Unit]\r\nDescription=x\r\n", key: "Description", value: "x" },
    { name: "CRLF continuation", text: "[Unit]\r\nDescription=a \\\r\nb\r\n", key: "Description", value: "a  b", raw: "a \\\r\nb" },
    { name: "a lone CR ends a line", text: "[Unit]\rDescription=x\r", key: "Description", value: "x" },
    { name: "UTF-8 BOM before the first line", text: "\uFEFF[Unit]\nDescription=x", key: "Description", value: "x" },
    { name: "no final newline", text: "[Unit]\nDescription=x", key: "Description", value: "x" },
    { name: "non-ASCII value", text: "[Unit]\nDescription=Café ☕ 𝄞\n", key: "Description", value: "Café ☕ 𝄞" },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const [entry] = entries(c.text);
      assert.ok(entry, "an entry is found");
      assert.equal(entry.key, c.key);
      assert.equal(entry.value, c.value);
      assert.equal(slice(c.text, entry.keySpan), c.key);
      if (c.raw) assert.equal(slice(c.text, entry.valueSpan), c.raw);
      else assert.equal(slice(c.text, entry.valueSpan), c.value);
      assert.equal(c.text[entry.equals], "=");
    });
  }
});

describe("parser: structure", () => {
  it("groups entries under their sections, repeated sections kept apart", () => {
    const file = parseUnitFile("[Unit]\nA=1\n[Service]\nB=2\nC=3\n[Unit]\nD=4\n");
    assert.deepEqual(
      file.sections.map((s) => [s.name, s.entries.map((e) => e.key)]),
      [
        ["Unit", ["A"]],
        ["Service", ["B", "C"]],
        ["Unit", ["D"]],
      ],
    );
  });

  it("keeps entries before any section apart, as systemd ignores them", () => {
    const file = parseUnitFile("Description=x\n[Unit]\nAfter=y\n");
    assert.deepEqual(
      file.orphanEntries.map((e) => e.key),
      ["Description"],
    );
    assert.deepEqual(
      file.sections[0]!.entries.map((e) => e.key),
      ["After"],
    );
  });

  it("classifies malformed lines the way systemd does", () => {
    const kinds = (text: string) => parseUnitFile(text).nodes.map((n: Node) => (n.kind === "malformed" ? n.reason : n.kind));
    assert.deepEqual(kinds('[Unit]\nno equals here\n=value\n[Broken\n[A] x\n[Bad"Name]\n'), [
      "section",
      "missing-equals",
      "missing-key",
      "invalid-section-header",
      "invalid-section-header",
      "invalid-section-header",
    ]);
  });

  it("reads a section header padded with whitespace", () => {
    const file = parseUnitFile("  [Service]  \n");
    assert.equal(file.sections[0]!.name, "Service");
  });

  it("treats a line of only a backslash and a blank line as nothing", () => {
    const file = parseUnitFile("[Unit]\n\\\n\nA=1\n");
    assert.deepEqual(
      file.sections[0]!.entries.map((e) => [e.key, e.value]),
      [["A", "1"]],
    );
  });

  it("flags a value continued past the end of the file", () => {
    for (const text of ["[Unit]\nA=1 \\", "[Unit]\nA=1 \\\n", "[Unit]\nA=1 \\\n# comment\n"]) {
      const [entry] = entries(text);
      assert.equal(entry!.unterminated, true, JSON.stringify(text));
      assert.equal(entry!.value, "1");
    }
  });

  it("maps every character of a continued value back to the document", () => {
    const text = "[Service]\nExecStart=/bin/a \\\n  # note\n  --flag\n";
    const [entry] = entries(text);
    const flag = entry!.value.indexOf("--flag");
    const segment = entry!.segments.find((s) => flag >= s.valueStart && flag < s.valueStart + s.length)!;
    const offset = segment.textStart + (flag - segment.valueStart);
    assert.equal(text.slice(offset, offset + 6), "--flag");
    assert.equal(entry!.innerComments.length, 1);
    assert.equal(entry!.lineCount, 3);
  });

  it("gives LSP ranges in UTF-16 columns", () => {
    const text = "[Unit]\nDescription=𝄞 x\nAfter=a\n";
    const file = parseUnitFile(text);
    const after = file.sections[0]!.entries[1]!;
    assert.deepEqual(file.lines.rangeOf(after.keySpan.start, after.keySpan.end), {
      start: { line: 2, character: 0 },
      end: { line: 2, character: 5 },
    });
    const description = file.sections[0]!.entries[0]!;
    const x = description.valueSpan.end - 1;
    assert.deepEqual(file.lines.positionAt(x), { line: 1, character: 15 });
  });

  it("prints back byte for byte, and its nodes tile the text", () => {
    const samples = ["", "\n", "\r\n\r\n", "\uFEFF", "[Unit]", "a\\", "\\\n\\\n", "[A]\nB=c \\\r\n#x\r\n d\re\n", "\0\n\uFFFD=\n"];
    for (const text of samples) {
      const file = parseUnitFile(text);
      let at = 0;
      for (const node of file.nodes) {
        assert.equal(node.start, at, `gap or overlap in ${JSON.stringify(text)}`);
        at = node.end;
      }
      assert.equal(at, text.length);
      assert.equal(file.nodes.map((n) => text.slice(n.start, n.end)).join(""), text);
    }
  });
});
