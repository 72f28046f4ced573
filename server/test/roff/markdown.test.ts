import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createManPage, directiveDoc, pageMarkdown, parseRoff, renderBlocks } from "../../src/language/roff";
import { roffLeftover } from "./roffLeftovers";

const render = (roff: string, manLink?: (name: string, section: string) => string) => {
  const doc = parseRoff(roff);
  return renderBlocks(doc.blocks, doc.notes, manLink ? { manLink } : {});
};

describe("Markdown from roff", () => {
  const cases: [name: string, roff: string, markdown: string][] = [
    [
      "special characters",
      "A \\(em B \\(en C \\(lqq\\(rq it\\*(Aqs \\(aqx\\(aq \\e \\- \\&.",
      "A \u2014 B \u2013 C \u201cq\u201d it's 'x' \\\\ - .",
    ],
    [
      "directive names and literal values are code, a value glued to its name too",
      "Set \\fIType=\\fR\\fBoneshot\\fR or \\fBsimple\\fR\\&.",
      "Set `Type=oneshot` or `simple`.",
    ],
    [
      "replaceable words are italic, prose in bold is bold",
      "Give \\fIservice\\fR\\&. \\fBDo not skip this\\fR\\&.",
      "Give *service*. **Do not skip this**.",
    ],
    ["a quoted literal is code", 'prefix "\\-" or "@"', "prefix `-` or `@`"],
    ["constant width is code", "run \\f(CWls \\-l\\fP now", "run `ls -l` now"],
    ["man page references are bold without a link target", "See \\fBsystemd.exec\\fR(5)\\&.", "See **systemd.exec(5)**."],
    ["Markdown characters in text are escaped", "a*b _c_ <tag> &amp; [x](y)", "a\\*b \\_c\\_ &lt;tag> &amp;amp; [x\\](y)"],
    ["a line that would start a list is escaped", "\\- not a bullet", "\\- not a bullet"],
    ["a bare address is a link", "see https://example.org/a_b.", "see <https://example.org/a_b>."],
    ["backticks inside code get a longer fence", "\\fBa`b\\fR", "``a`b``"],
    ["a line break is a hard break", "one\n.br\ntwo", "one  \ntwo"],
  ];
  for (const [name, roff, markdown] of cases) {
    it(name, () => assert.equal(render(roff), markdown));
  }

  it("links man page references when given a target", () => {
    assert.equal(
      render("See \\fBsystemd.unit\\fR(5)\\&.", (name, section) => `man:${name}(${section})`),
      "See [systemd.unit(5)](<man:systemd.unit(5)>).",
    );
  });

  it("links a footnoted link to its address under NOTES", () => {
    const roff =
      '.PP\nRead \\m[blue]\\fBthe spec\\fR\\m[]\\&\\s-2\\u[1]\\d\\s+2\\&.\n.SH "NOTES"\n.IP " 1." 4\nthe spec\n.RS 4\n\\%https://example.org/spec\n.RE\n';
    assert.match(render(roff), /^Read \[the spec\]\(<https:\/\/example\.org\/spec>\)\.$/m);
  });

  it("renders bullet lists with multi-paragraph items and nested definitions", () => {
    const item = (text: string) =>
      `.sp\n.RS 4\n.ie n \\{\\\n\\h'-04'\\(bu\\h'+03'\\c\n.\\}\n.el \\{\\\n.sp -1\n.IP \\(bu 2.3\n.\\}\n${text}\n.RE\n`;
    const roff = `.PP\nPick:\n${item("\\fBfast\\fR\\&.\n.sp\nMore on fast\\&.")}${item("\\fBslow\\fR\\&.")}.PP\n\\fIMode=\\fR\n.RS 4\nOne of:\n.PP\n\\fBon\\fR\n.RS 4\nEnables it\\&.\n.RE\n.RE\n`;
    assert.equal(
      render(roff),
      "Pick:\n\n- `fast`.\n\n  More on fast.\n- `slow`.\n\n- **`Mode=`**\n\n  One of:\n\n  - **`on`**\n\n    Enables it.",
    );
  });

  it("renders examples as fenced code, marking unit file snippets as ini", () => {
    const roff =
      ".sp\n.if n \\{\\\n.RS 4\n.\\}\n.nf\n[Timer]\nOnCalendar=daily\n.fi\n.if n \\{\\\n.RE\n.\\}\n.sp\n.nf\n$ systemctl start x\n.fi\n";
    assert.equal(render(roff), "```ini\n[Timer]\nOnCalendar=daily\n```\n\n```\n$ systemctl start x\n```");
  });

  it("renders tables as Markdown tables with | escaped", () => {
    const roff = ".TS\nallbox tab(:);\nlB lB.\nT{\nName\nT}:T{\nWhat\nT}\n.T&\nl l.\nT{\n\\fIA=\\fR\nT}:T{\nx | y\nT}\nB:\n.TE\n";
    assert.equal(render(roff), "| Name | What |\n| --- | --- |\n| `A=` | x \\| y |\n| B |   |");
  });

  it("renders a directive's body and names the page, heading and reference", () => {
    const page = createManPage(
      "demo.unit",
      "5",
      '.SH "[DEMO] SECTION OPTIONS"\n.PP\n\\fIFirst=\\fR, \\fISecond=\\fR\n.RS 4\nBoth at once\\&.\n.RE\n',
    );
    const doc = directiveDoc(page, "Second=");
    assert.deepEqual(doc, {
      markdown: "Both at once.",
      names: ["First=", "Second="],
      page: "demo.unit",
      reference: "demo.unit(5)",
      section: "[DEMO] SECTION OPTIONS",
    });
  });

  it("renders a whole page under its name and section, headings included", () => {
    const page = createManPage(
      "demo.unit",
      "5",
      '.SH "NAME"\ndemo.unit \\- a demo\n.SH "OPTIONS"\n.PP\n\\fIFirst=\\fR\n.RS 4\nDoes it\\&.\n.RE\n',
    );
    const markdown = pageMarkdown(page);
    assert.equal(markdown, "# demo.unit(5)\n\n## NAME\n\ndemo.unit - a demo\n\n## OPTIONS\n\n**`First=`**\n\nDoes it.\n");
    assert.equal(roffLeftover(markdown), undefined);
  });
});
