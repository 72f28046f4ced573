// Which parsed pages the library keeps: pages written here, changed on disk between two reads.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { prepareKeyPages } from "../../src/lsp/startLine";
import { createManPageLibrary } from "../../src/systemd/manPages";

const root = mkdtempSync(join(tmpdir(), "unitsmith-kept-pages-"));
after(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, "man5"));
mkdirSync(join(root, "man7"));

const page = (name: string, says: string) =>
  writeFileSync(join(root, "man5", `${name}.5`), `.TH "${name}" "5"\n.SH "OPTIONS"\n.PP\n\\fIKnob=\\fR\n.RS 4\n${says}\\&.\n.RE\n`);

describe("the man pages the library keeps", () => {
  it("keeps the pages used last and reads a page again once it has dropped it", async () => {
    const library = createManPageLibrary({ manPath: [root] });
    const names = ["first", "second", "third", "fourth", "fifth"];
    for (const name of names) page(name, `Old ${name}`);
    assert.match((await library.renderPage("first", "5"))!, /Old first/);
    page("first", "New first");
    for (const name of names.slice(1, 4)) await library.renderPage(name, "5");
    assert.match((await library.renderPage("first", "5"))!, /Old first/, "four pages are kept, the one used last among them");
    for (const name of names.slice(1)) await library.renderPage(name, "5");
    assert.match((await library.renderPage("first", "5"))!, /New first/, "a fifth page dropped the one used longest ago");
  });

  it("has the entries of the pages hovers quote most rendered ahead of the first hover", async () => {
    const library = createManPageLibrary({ manPath: [root] });
    const keyPages = ["systemd.unit", "systemd.service", "systemd.exec"];
    for (const name of keyPages) page(name, `Old ${name}`);
    await prepareKeyPages(library);
    for (const name of keyPages) page(name, `New ${name}`);
    for (const name of keyPages)
      assert.match(
        (await library.directiveDoc("Knob", { page: name }))!.markdown,
        new RegExp(`Old ${name}`),
        `${name}(5) was rendered ahead`,
      );
  });

  it("keeps the directives systemd.directives(7) lists, not the page itself", async () => {
    const library = createManPageLibrary({ manPath: [root] });
    page("demo", "Turns the knob");
    const index = (listed: string) =>
      writeFileSync(
        join(root, "man7", "systemd.directives.7"),
        `.SH "UNIT DIRECTIVES"\n.PP\n\\fIKnob=\\fR\n.RS 4\n\\fB${listed}\\fR(5)\n.RE\n`,
      );
    index("demo");
    assert.equal((await library.directiveDoc("Knob"))?.page, "demo");
    index("first");
    assert.match((await library.renderPage("systemd.directives", "7"))!, /first/, "a page of its own when asked for whole");
  });
});
