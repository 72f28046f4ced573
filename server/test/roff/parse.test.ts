import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Block, type ManDocument, parseRoff, plainText } from "../../src/language/roff";

const kinds = (blocks: Block[]) => blocks.map((b) => b.kind);
const only = <K extends Block["kind"]>(doc: ManDocument | Block[], kind: K) =>
  (Array.isArray(doc) ? doc : doc.blocks).filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);
/** The block of a kind at `index` among those of that kind; fails the test when there is none. */
const nth = <K extends Block["kind"]>(doc: ManDocument | Block[], kind: K, index = 0) => {
  const block = only(doc, kind)[index];
  assert.ok(block, `no ${kind} block number ${index}`);
  return block;
};

describe("roff parser", () => {
  it("reads the title, headings and paragraphs", () => {
    const doc = parseRoff(
      '.TH "DEMO\\&.UNIT" "5" "" "demo 1" "demo.unit"\n.SH "NAME"\ndemo.unit \\- a demo\n.SH "DESCRIPTION"\n.SS "Details"\n.PP\nFirst line\nsecond line\\&.\n.PP\nNext one.\n',
    );
    assert.deepEqual(doc.title, { name: "DEMO.UNIT", section: "5" });
    assert.deepEqual(kinds(doc.blocks), ["heading", "paragraph", "heading", "heading", "paragraph", "paragraph"]);
    assert.deepEqual(
      only(doc, "heading").map((h) => [h.level, h.text]),
      [
        [1, "NAME"],
        [1, "DESCRIPTION"],
        [2, "Details"],
      ],
    );
    assert.equal(plainText(nth(doc, "paragraph", 1).content), "First line second line.");
  });

  it("takes a .PP term followed by .RS as a definition, with several names and a nested body", () => {
    const doc = parseRoff(
      [
        '.SH "OPTIONS"',
        ".PP",
        "\\fIAlpha=\\fR, \\fIBeta=\\fR",
        ".RS 4",
        "Sets both\\&.",
        ".sp",
        "Inner values:",
        ".PP",
        "\\fBone\\fR",
        ".RS 4",
        "The first\\&.",
        ".RE",
        ".RE",
        ".PP",
        "After\\&.",
      ].join("\n"),
    );
    const definition = nth(doc, "definition");
    assert.equal(plainText(definition.term), "Alpha=, Beta=");
    assert.deepEqual(kinds(definition.body), ["paragraph", "paragraph", "definition"]);
    const nested = nth(definition.body, "definition");
    assert.equal(plainText(nested.term), "one");
    assert.equal(plainText(nth(doc, "paragraph").content), "After.");
  });

  it("does not take text after a break as a term", () => {
    const doc = parseRoff(".PP\nSome words\\&.\n.sp\n.RS 4\nIndented\\&.\n.RE\n");
    assert.deepEqual(kinds(doc.blocks), ["paragraph", "indent"]);
  });

  it("reads DocBook's bullet lists in both their nroff and troff branches", () => {
    const item = (text: string) => [
      ".sp",
      ".RS 4",
      ".ie n \\{\\",
      "\\h'-04'\\(bu\\h'+03'\\c",
      ".\\}",
      ".el \\{\\",
      ".sp -1",
      ".IP \\(bu 2.3",
      ".\\}",
      text,
      ".RE",
    ];
    const doc = parseRoff(
      [".PP", "Choices:", ...item("\\fBred\\fR is warm"), ...item("\\fBblue\\fR is cold"), ".PP", "Done\\&."].join("\n"),
    );
    assert.deepEqual(kinds(doc.blocks), ["paragraph", "item", "item", "paragraph"]);
    assert.deepEqual(
      only(doc, "item").map((i) => [i.marker, plainText(nth(i.body, "paragraph").content)]),
      [
        ["\u2022", "red is warm"],
        ["\u2022", "blue is cold"],
      ],
    );
  });

  it("reads numbered DocBook items and hand-written .IP and .TP lists", () => {
    const numbered = parseRoff(".RS 4\n.ie n \\{\\\n\\h'-04' 1.\\h'+01'\\c\n.\\}\n.el \\{\\\n.IP \"  1.\" 4.2\n.\\}\nFirst\\&.\n.RE\n");
    assert.deepEqual(
      only(numbered, "item").map((i) => i.marker),
      ["1."],
    );
    const ip = parseRoff(".IP \\(bu 2\nOne\n.IP \\(bu 2\nTwo\n.PP\nAfter\n");
    assert.deepEqual(kinds(ip.blocks), ["item", "item", "paragraph"]);
    const tp = parseRoff(".TP\n.B \\-\\-flag\nWhat the flag does.\n.TP\n\\fIother\\fR\nMore.\n");
    assert.deepEqual(
      only(tp, "definition").map((d) => [plainText(d.term), plainText(nth(d.body, "paragraph").content)]),
      [
        ["--flag", "What the flag does."],
        ["other", "More."],
      ],
    );
  });

  it("keeps example blocks verbatim, without their .if n indentation wrapper", () => {
    const doc = parseRoff(
      [
        ".sp",
        ".if n \\{\\",
        ".RS 4",
        ".\\}",
        ".nf",
        "[Service]",
        "ExecStart=/usr/bin/demo \\-\\-verbose",
        "",
        "  Indented=yes",
        ".fi",
        ".if n \\{\\",
        ".RE",
        ".\\}",
      ].join("\n"),
    );
    const indent = nth(doc, "indent");
    assert.deepEqual(nth(indent.body, "preformatted").lines, ["[Service]", "ExecStart=/usr/bin/demo --verbose", "", "  Indented=yes"]);
  });

  it("reads tbl tables with text blocks, a header and a second format section", () => {
    const doc = parseRoff(
      [
        ".TS",
        "allbox tab(:);",
        "lB lB.",
        "T{",
        "Key",
        "T}:T{",
        "Meaning",
        "T}",
        ".T&",
        "l l",
        "l l.",
        "T{",
        "\\fIOne=\\fR",
        "T}:T{",
        "first",
        "line",
        "T}",
        "two:plain cell",
        ".TE",
      ].join("\n"),
    );
    const table = nth(doc, "table");
    assert.equal(table.header, true);
    assert.deepEqual(
      table.rows.map((r) => r.map(plainText)),
      [
        ["Key", "Meaning"],
        ["One=", "first line"],
        ["two", "plain cell"],
      ],
    );
  });

  it("collects link addresses from NOTES by footnote number", () => {
    const doc = parseRoff(
      [
        ".PP",
        "See \\m[blue]\\fBthe spec\\fR\\m[]\\&\\s-2\\u[1]\\d\\s+2\\&.",
        '.SH "NOTES"',
        '.IP " 1." 4',
        "the spec",
        ".RS 4",
        "\\%https://example.org/spec",
        ".RE",
      ].join("\n"),
    );
    assert.equal(doc.notes.get(1), "https://example.org/spec");
    const tokens = nth(doc, "paragraph").content;
    assert.deepEqual(tokens.at(-2), { kind: "linkEnd", note: 1 });
  });

  it("evaluates conditions as nroff does and records strings", () => {
    const doc = parseRoff('.ie \\n(.g .ds Qx \\(aq\n.el .ds Qx X\n.if t .SH "TROFF ONLY"\n.if n .SH "NROFF"\n.PP\nit\\*(Qxs\n');
    assert.deepEqual(
      only(doc, "heading").map((h) => h.text),
      ["NROFF"],
    );
    assert.equal(plainText(nth(doc, "paragraph").content), "it's");
  });

  it("skips comments and macro definitions", () => {
    const doc = parseRoff('.\\" a comment\n.de XX\n.SH "INSIDE"\n..\n.ig\nignored\n..\n.PP\nkept \\" trailing comment\n');
    assert.deepEqual(kinds(doc.blocks), ["paragraph"]);
    assert.equal(plainText(nth(doc, "paragraph").content), "kept");
  });
});
