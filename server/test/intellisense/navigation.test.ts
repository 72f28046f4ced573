import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { definition } from "../../src/language/definition";
import { documentLinks, manPageDocumentUri } from "../../src/language/documentLinks";
import { referenceSubject, referencesIn } from "../../src/language/references";
import { selectionRanges } from "../../src/language/selectionRanges";
import type { SelectionRange } from "vscode-languageserver-types";
import { createFileProbe } from "../../src/workspace/fileSystemProbes";
import { fixture, sampleCatalog } from "./fixtures";

describe("go to definition", () => {
  const cases: [what: string, path: string, text: string, expected: string[]][] = [
    ["a unit name opens its file", "app.service", "[Unit]\nAfter=ssh.ser|vice\n", ["file:///lib/systemd/system/ssh.service"]],
    ["at the end of the name", "app.service", "[Unit]\nAfter=web.service|\n", ["file:///repo/units/web.service"]],
    [
      "an instance opens its template",
      "app.service",
      "[Unit]\nWants=getty@tty|1.service\n",
      ["file:///lib/systemd/system/getty%40.service"],
    ],
    ["a masked unit has no file to open", "app.service", "[Unit]\nConflicts=old.ser|vice\n", []],
    ["a special unit without a file", "app.service", "[Unit]\nAfter=network-online.t|arget\n", []],
    ["a directive name is not a reference", "app.service", "[Unit]\nAf|ter=ssh.service\n", []],
    [
      "a drop-in's first line opens the unit it extends",
      "/etc/systemd/system/ssh.service.d/override.conf",
      "# lo|cal\n[Service]\n",
      ["file:///lib/systemd/system/ssh.service"],
    ],
    [
      "a drop-in's section header too",
      "/etc/systemd/system/web.service.d/x.conf",
      "\n[Serv|ice]\nUser=a\n",
      ["file:///repo/units/web.service"],
    ],
    ["but not its entries", "/etc/systemd/system/web.service.d/x.conf", "\n[Service]\nUs|er=a\n", []],
  ];
  for (const [what, path, text, expected] of cases) {
    it(what, () => {
      const { file, kind, position } = fixture(path, text);
      assert.deepEqual(
        definition(file, kind, position, sampleCatalog()).map((location) => location.uri),
        expected,
      );
    });
  }
});

describe("find references in one file", () => {
  it("asks about the name under the cursor, else the unit the file defines", () => {
    const subject = (path: string, text: string) => {
      const { file, kind, position } = fixture(path, text);
      return referenceSubject(file, kind, position);
    };
    assert.equal(subject("app.service", "[Unit]\nAfter=ssh.se|rvice\n"), "ssh.service");
    assert.equal(subject("app.service", "[Unit]\nDescr|iption=x\n"), "app.service");
    assert.equal(subject("/etc/systemd/system/getty@.service.d/x.conf", "|[Service]\n"), "getty@.service");
  });

  it("finds every unit-typed value naming the unit, instances counting for their template", () => {
    const { file, kind } = fixture(
      "app.service",
      "[Unit]\nAfter=getty@tty1.service x.service\nWants=getty@.service\nDescription=getty@.service|\n",
    );
    const lines = referencesIn(file, kind, "getty@.service").map((found) => [file.lines.positionAt(found.start).line, found.name]);
    assert.deepEqual(lines, [
      [1, "getty@tty1.service"],
      [2, "getty@.service"],
    ]);
  });
});

describe("document links", () => {
  const linksOf = (text: string, options: Parameters<typeof documentLinks>[2] = {}) => {
    const { file, kind } = fixture("app.service", `${text}|`);
    return documentLinks(file, kind, options).map((found) => [
      file.text.slice(file.lines.offsetAt(found.range.start), file.lines.offsetAt(found.range.end)),
      found.target,
    ]);
  };

  it("links Documentation= URIs: web pages, and man pages on the web by default", () => {
    assert.deepEqual(linksOf("[Unit]\nDocumentation=https://example.org/doc man:systemd.exec(5) man:sshd(8) man:ls info:x\n"), [
      ["https://example.org/doc", "https://example.org/doc"],
      ["man:systemd.exec(5)", "https://www.freedesktop.org/software/systemd/man/latest/systemd.exec.html"],
      ["man:sshd(8)", "https://man7.org/linux/man-pages/man8/sshd.8.html"],
      ["man:ls", "https://manpages.debian.org/ls"],
    ]);
  });

  it("links man pages to the read-only man page document where the client asks for it", () => {
    assert.deepEqual(linksOf("[Unit]\nDocumentation=man:systemd.exec(5)\n", { manPageTarget: manPageDocumentUri }), [
      ["man:systemd.exec(5)", "unitsmith-man:/systemd.exec(5).md"],
    ]);
  });

  it("links absolute paths of files that exist on this machine", () => {
    const text =
      "[Service]\nExecStart=-/usr/bin/env true\nEnvironmentFile=-/etc/os-release\nWorkingDirectory=/usr\nReadOnlyPaths=/etc/hostname /nonexistent\n";
    assert.deepEqual(linksOf(text, { isFile: createFileProbe() }), [
      ["/usr/bin/env", "file:///usr/bin/env"],
      ["/etc/os-release", "file:///etc/os-release"],
      ["/etc/hostname", "file:///etc/hostname"],
    ]);
  });
});

describe("selection ranges", () => {
  const chain = (text: string) => {
    const { file, position } = fixture("app.service", text);
    const texts: string[] = [];
    for (let range: SelectionRange | undefined = selectionRanges(file, [position])[0]; range; range = range.parent) {
      texts.push(file.text.slice(file.lines.offsetAt(range.range.start), file.lines.offsetAt(range.range.end)));
    }
    return texts;
  };

  it("grows from a word of the value to the value, the entry, the section and the file", () => {
    const text = "[Unit]\nDescription=x\n\n[Service]\nExecStart=/bin/echo he|llo\nUser=a\n";
    assert.deepEqual(chain(text), [
      "hello",
      "/bin/echo hello",
      "ExecStart=/bin/echo hello",
      "[Service]\nExecStart=/bin/echo hello\nUser=a",
      text.replace("|", ""),
    ]);
  });

  it("grows from a key to the entry", () =>
    assert.deepEqual(chain("[Unit]\nAf|ter=a.service\n").slice(0, 3), ["After", "After=a.service", "[Unit]\nAfter=a.service"]));
});
