import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { createManPage, directiveDoc, pageMarkdown, parseRoff } from "../../src/language/roff";
import { roffLeftover } from "./roffLeftovers";

const pageOf = (roff: string) => pageMarkdown(createManPage("broken", "5", roff));

describe("malformed roff", () => {
  const cases: [name: string, roff: string][] = [
    ["empty input", ""],
    ["only whitespace and blank lines", "\n \n\t\n"],
    ["an unclosed .RS", '.SH "A"\n.PP\n\\fIKey=\\fR\n.RS 4\n.RS 8\nbody\n'],
    ["a stray .RE", ".RE\n.RE\ntext\n"],
    ["an unclosed table", ".TS\ntab(:);\nl l.\nT{\nopen cell"],
    ["an unclosed example", ".nf\nline one\nline two"],
    ["an unclosed condition", ".if n \\{\\\n.RS 4\ntext\n"],
    ["an unterminated macro definition", '.de XX\n.SH "LOST"\n'],
    ["escapes cut off at the end of a line", "\\f\n\\(\n\\*(\n\\m[\n\\h'\n\\s-\n\\[u00\n\\"],
    ["unknown escapes and special characters", "\\(zz \\[nonsense] \\*(Nx \\fZ text \\q"],
    ["a string that expands to itself", ".ds Lp \\*(Lp\\*(Lp\n\\*(Lp done\n"],
    ["a link that never ends", "\\m[blue]\\fBdangling"],
    ["binary junk", String.fromCharCode(...Array.from({ length: 400 }, (_, k) => (k * 37 + 11) % 256))],
    ["CRLF line ends", '.SH "X"\r\n.PP\r\n\\fIKey=\\fR\r\n.RS 4\r\nBody\\&.\r\n.RE\r\n'],
  ];
  for (const [name, roff] of cases) {
    it(`${name}: parses and renders without roff left over`, () => {
      const markdown = pageOf(roff);
      assert.equal(roffLeftover(markdown), undefined, markdown);
    });
  }

  it("keeps the text around unknown escapes", () => {
    assert.match(pageOf("\\(zz before \\[nonsense]after \\qend"), /before after qend/);
  });

  it("closes an unclosed .RS at the next heading, so the entry after it is still found", () => {
    const page = createManPage("broken", "5", '.SH "A"\n.PP\n\\fIOne=\\fR\n.RS 4\nfirst\n.SH "B"\n.PP\n\\fITwo=\\fR\n.RS 4\nsecond\n.RE\n');
    assert.equal(directiveDoc(page, "Two")?.section, "B");
    assert.equal(directiveDoc(page, "One")?.markdown, "first");
  });

  it("ends an unclosed example at the next heading", () => {
    assert.equal(pageOf('.nf\ncode line\n.SH "NEXT"\n.PP\nprose\n'), "# broken(5)\n\n```\ncode line\n```\n\n## NEXT\n\nprose\n");
  });

  it("CRLF input reads like LF input", () => {
    const crlf = createManPage("x", "5", ".PP\r\n\\fIKey=\\fR\r\n.RS 4\r\nBody\\&.\r\n.RE\r\n");
    assert.equal(directiveDoc(crlf, "Key")?.markdown, "Body.");
  });

  it("never throws and never leaks roff on random roff-like input", () => {
    // Requests start on a line of their own; text pieces may be glued together in any order.
    const requests = [".RS 4", ".RE", ".PP", ".sp", ".br", '.SH "H"', ".IP \\(bu 2", ".TP", ".nf", ".fi", ".TS", "tab(:);\nl l.", ".TE"];
    const conditions = [".if n \\{\\", ".ie t \\{\\", ".el \\{\\", ".\\}", "\\h'-04'\\(bu\\h'+03'\\c"];
    const text = ["\\fB", "\\fI", "\\fR", "\\fP", "\\f(CW", "\\(em", "\\*(Aq", "\\m[blue]", "\\m[]", "\\s-2\\u[1]\\d\\s+2"];
    const piece = fc.constantFrom(
      ...[...requests, ...conditions].map((line) => `\n${line}\n`),
      ...text,
      ...["\\&", "\\-", "\\e", "\\c", "Key=", "word ", "*_`<|#", "\n", '"'],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const roff = pieces.join("");
        parseRoff(roff);
        const markdown = pageOf(roff);
        return roffLeftover(markdown) === undefined;
      }),
      { numRuns: 400 },
    );
  });
});
