// Man page roots made up for the test, with pages written here: small roff, corrupt and odd files.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { createManPageLibrary } from "../../src/systemd/manPages";
import { defaultManRoots, manRoots } from "../../src/systemd/manPath";

const knobPage = '.TH "DEMO" "5"\n.SH "OPTIONS"\n.PP\n\\fIKnob=\\fR\n.RS 4\nTurns the knob\\&.\n.RE\n';
const otherKnobPage = '.TH "OTHER" "5"\n.SH "OPTIONS"\n.PP\n\\fIKnob=\\fR\n.RS 4\nThe other knob\\&.\n.RE\n';
const indexPage = '.SH "UNIT DIRECTIVES"\n.PP\n\\fIKnob=\\fR\n.RS 4\n\\fBdemo\\fR(5)\n.RE\n';

describe("man pages that are missing, corrupt or odd", () => {
  let root: string;
  let second: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), "unitsmith-man-"));
    second = mkdtempSync(join(tmpdir(), "unitsmith-man-"));
    for (const dir of [join(root, "man5"), join(root, "man7"), join(second, "man5")]) mkdirSync(dir);
    const good = gzipSync(knobPage);
    writeFileSync(join(root, "man5", "demo.5.gz"), good);
    writeFileSync(join(root, "man5", "plain.5"), otherKnobPage);
    writeFileSync(join(root, "man5", "corrupt.5.gz"), Buffer.from("this is not gzip at all"));
    writeFileSync(join(root, "man5", "truncated.5.gz"), good.subarray(0, good.length >> 1));
    writeFileSync(join(root, "man5", "binary.5"), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0, 0xff]));
    writeFileSync(join(root, "man5", "empty.5.gz"), gzipSync(""));
    mkdirSync(join(root, "man5", "directory.5.gz"));
    writeFileSync(join(root, "man5", "alias.5.gz"), gzipSync('.\\" an alias\n.so man5/demo.5\n'));
    writeFileSync(join(root, "man5", "escape.5"), ".so ../../../etc/hostname\n");
    writeFileSync(join(root, "man7", "systemd.directives.7.gz"), gzipSync(indexPage));
    // The same name in a later root: a corrupt copy first must not hide it.
    writeFileSync(join(second, "man5", "corrupt.5.gz"), gzipSync(otherKnobPage));
  });
  after(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(second, { recursive: true, force: true });
  });

  it("reads a gzipped and a plain page", async () => {
    const library = createManPageLibrary({ manPath: [root] });
    assert.equal((await library.directiveDoc("Knob", { page: "demo" }))?.markdown, "Turns the knob.");
    assert.equal((await library.directiveDoc("Knob", { page: "plain" }))?.markdown, "The other knob.");
  });

  it("gives undefined for missing, corrupt, truncated, binary, empty and directory pages, without throwing", async () => {
    const library = createManPageLibrary({ manPath: [root] });
    for (const page of ["missing", "corrupt", "truncated", "binary", "directory", "escape"]) {
      assert.equal(await library.page(page), undefined, page);
      assert.equal(await library.renderPage(page), undefined, page);
    }
    assert.equal((await library.page("empty"))?.directives.size, 0);
    assert.equal(await library.directiveDoc("Nothing", { page: "empty" }), undefined);
  });

  it("falls back to the page systemd.directives(7) names when the hinted page is broken", async () => {
    const library = createManPageLibrary({ manPath: [root] });
    const doc = await library.directiveDoc("Knob=", { page: "corrupt" });
    assert.equal(doc?.reference, "demo(5)");
  });

  it("follows a .so alias page and refuses one that leaves the man root", async () => {
    const library = createManPageLibrary({ manPath: [root] });
    assert.equal((await library.directiveDoc("Knob", { page: "alias(5)" }))?.markdown, "Turns the knob.");
    assert.equal(await library.page("escape"), undefined);
  });

  it("takes the page from a later root when an earlier copy is corrupt", async () => {
    const library = createManPageLibrary({ manPath: [root, second] });
    assert.equal((await library.directiveDoc("Knob", { page: "corrupt" }))?.markdown, "The other knob.");
  });

  it("rejects page names that are paths", async () => {
    const library = createManPageLibrary({ manPath: [root] });
    for (const name of ["../man5/demo", "/etc/hostname", "man5/demo", "", ".."]) assert.equal(await library.page(name), undefined, name);
  });

  it("gives undefined when no root has anything", async () => {
    const library = createManPageLibrary({ manPath: [join(root, "nowhere")] });
    assert.equal(await library.directiveDoc("ExecStart"), undefined);
    assert.equal(await library.renderPage("systemd.service"), undefined);
  });

  it("reads $MANPATH as man does: an empty component stands for the default roots", () => {
    assert.deepEqual(manRoots(undefined), defaultManRoots);
    assert.deepEqual(manRoots(""), defaultManRoots);
    assert.deepEqual(manRoots("/a:/b"), ["/a", "/b"]);
    assert.deepEqual(manRoots("/a:"), ["/a", ...defaultManRoots]);
    assert.deepEqual(manRoots(":/a"), [...defaultManRoots, "/a"]);
  });
});
