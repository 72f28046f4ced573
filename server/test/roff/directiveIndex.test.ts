import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createManPage, directiveDoc, listedDirectives, parseManReference, parseRoff } from "../../src/language/roff";
import { directiveNames } from "../../src/language/roff/directiveIndex";

const entry = (term: string, body: string) => `.PP\n${term}\n.RS 4\n${body}\n.RE\n`;

describe("directive entries", () => {
  it("reads every name of a shared entry, and no command line options", () => {
    assert.deepEqual(directiveNames("User=, Group="), ["User", "Group"]);
    assert.deepEqual(directiveNames("LogLevel=, DumpCore=yes"), ["LogLevel", "DumpCore"]);
    assert.deepEqual(directiveNames("--root=, -q"), []);
    assert.deepEqual(directiveNames("simple"), []);
  });

  it("finds a name with or without its =, and each name of a shared entry", () => {
    const page = createManPage("demo", "5", '.SH "OPTIONS"\n' + entry("\\fIUser=\\fR, \\fIGroup=\\fR", "Who runs it\\&."));
    for (const name of ["User", "User=", "Group"]) assert.equal(directiveDoc(page, name)?.markdown, "Who runs it.");
    assert.equal(directiveDoc(page, "Nobody"), undefined);
  });

  it("picks the entry under the unit file section asked for", () => {
    const page = createManPage(
      "demo",
      "5",
      '.SH "[NETWORK] SECTION OPTIONS"\n' +
        entry("\\fIAddress=\\fR", "Static address\\&.") +
        '.SH "[ADDRESS] SECTION OPTIONS"\n' +
        entry("\\fIAddress=\\fR", "As above\\&."),
    );
    assert.equal(directiveDoc(page, "Address", "Address")?.markdown, "As above.");
    assert.equal(directiveDoc(page, "Address", "network")?.markdown, "Static address.");
    assert.equal(directiveDoc(page, "Address")?.section, "[NETWORK] SECTION OPTIONS");
  });

  it("prefers a top-level entry to one nested in another entry's body", () => {
    const page = createManPage(
      "demo",
      "5",
      '.SH "OPTIONS"\n' +
        entry("\\fIOuter=\\fR", "Values:\n.PP\n\\fIInner=\\fR\n.RS 4\nNested\\&.\n.RE") +
        entry("\\fIInner=\\fR", "Top\\&."),
    );
    assert.equal(directiveDoc(page, "Inner")?.markdown, "Top.");
  });

  it("carries the subsection heading", () => {
    const page = createManPage("demo", "5", '.SH "[UNIT] SECTION OPTIONS"\n.SS "Conditions"\n' + entry("\\fICheckIt=\\fR", "Checks\\&."));
    assert.deepEqual(
      [directiveDoc(page, "CheckIt")?.section, directiveDoc(page, "CheckIt")?.subsection],
      ["[UNIT] SECTION OPTIONS", "Conditions"],
    );
  });

  it("reads a directives index: each name with the pages that document it", () => {
    const doc = parseRoff(
      '.SH "UNIT DIRECTIVES"\n' +
        entry("\\fIAlpha=\\fR", "\\fBdemo.one\\fR(5)") +
        entry("\\fIBeta=\\fR", "\\fBdemo.one\\fR(5),\n\\fBdemo.two\\fR(8)") +
        '.SH "COMMAND LINE OPTIONS"\n' +
        entry("\\fB\\-\\-flag\\fR", "\\fBtool\\fR(1)"),
    );
    assert.deepEqual(listedDirectives(doc), [
      { name: "Alpha", heading: "UNIT DIRECTIVES", pages: [{ name: "demo.one", section: "5" }] },
      {
        name: "Beta",
        heading: "UNIT DIRECTIVES",
        pages: [
          { name: "demo.one", section: "5" },
          { name: "demo.two", section: "8" },
        ],
      },
    ]);
  });

  it("parses man page references", () => {
    assert.deepEqual(parseManReference("systemd.exec(5)"), { name: "systemd.exec", section: "5" });
    assert.equal(parseManReference("systemd.exec"), undefined);
  });
});
