import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { SelectionRange } from "vscode-languageserver-types";
import { pathOfUri } from "../../src/language/fileUri";
import { createFileProbe } from "../../src/workspace/fileSystemProbes";
import { atCursor, testService } from "../service";
import { sampleCatalog } from "./fixtures";

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
    it(what, async () => {
      const { document, position } = atCursor(path, text);
      const found = await testService({ units: async () => sampleCatalog() }).definition(document, position);
      assert.deepEqual(
        found.map((location) => location.uri),
        expected,
      );
    });
  }
});

describe("find references", () => {
  /** References found in the given files (their open text) when asking at the cursor of the first. */
  const referencesAt = async (path: string, text: string, others: Record<string, string> = {}) => {
    const { document, position } = atCursor(path, text);
    const service = testService({
      unitFiles: async () => [pathOfUri(document.uri), ...Object.keys(others)],
      readFile: async (file) => others[file],
    });
    service.analyze(document);
    const found = await service.references(document, position);
    return found.map((location) => `${pathOfUri(location.uri)}:${location.range.start.line}`);
  };

  it("asks about the name under the cursor, else the unit the file defines", async () => {
    const others = {
      "/x/a.service": "[Unit]\nAfter=ssh.service\n",
      "/x/b.service": "[Unit]\nWants=app.service\n",
      "/x/c.service": "[Unit]\nWants=getty@tty2.service\n",
    };
    assert.deepEqual(await referencesAt("/x/app.service", "[Unit]\nAfter=ssh.se|rvice\n", others), ["/x/a.service:1", "/x/app.service:1"]);
    assert.deepEqual(await referencesAt("/x/app.service", "[Unit]\nDescr|iption=x\n", others), ["/x/b.service:1"]);
    assert.deepEqual(await referencesAt("/etc/systemd/system/getty@.service.d/x.conf", "|[Service]\n", others), ["/x/c.service:1"]);
  });

  it("finds every unit-typed value naming the unit, instances counting for their template", async () => {
    const text = "[Unit]\nAfter=getty@tty1.service x.service\nWants=getty@.servi|ce\nDescription=getty@.service\n";
    assert.deepEqual(await referencesAt("/x/app.service", text), ["/x/app.service:1", "/x/app.service:2"]);
  });
});

describe("document links", () => {
  const linksOf = async (
    text: string,
    host: { isFile?: (path: string) => Promise<boolean> } = {},
    manPageLinks: "web" | "document" = "web",
  ) => {
    const { document } = atCursor("app.service", `${text}|`);
    const found = await testService(host, { manPageLinks }).documentLinks(document);
    return found.map((link) => [document.getText(link.range), link.target]);
  };

  it("links Documentation= URIs: web pages, and man pages on the web by default", async () => {
    assert.deepEqual(await linksOf("[Unit]\nDocumentation=https://example.org/doc man:systemd.exec(5) man:sshd(8) man:ls info:x\n"), [
      ["https://example.org/doc", "https://example.org/doc"],
      ["man:systemd.exec(5)", "https://www.freedesktop.org/software/systemd/man/latest/systemd.exec.html"],
      ["man:sshd(8)", "https://man7.org/linux/man-pages/man8/sshd.8.html"],
      ["man:ls", "https://manpages.debian.org/ls"],
    ]);
  });

  it("links man pages to the read-only man page document where the client asks for it", async () => {
    assert.deepEqual(await linksOf("[Unit]\nDocumentation=man:systemd.exec(5)\n", {}, "document"), [
      ["man:systemd.exec(5)", "unitsmith-man:/systemd.exec(5).md"],
    ]);
  });

  it("links absolute paths of files that exist on this machine", async () => {
    const text =
      "[Service]\nExecStart=-/usr/bin/env true\nEnvironmentFile=-/etc/os-release\nWorkingDirectory=/usr\nReadOnlyPaths=/etc/hostname /nonexistent\n";
    assert.deepEqual(await linksOf(text, { isFile: createFileProbe() }), [
      ["/usr/bin/env", "file:///usr/bin/env"],
      ["/etc/os-release", "file:///etc/os-release"],
      ["/etc/hostname", "file:///etc/hostname"],
    ]);
  });
});

describe("selection ranges", () => {
  const chain = (text: string) => {
    const { document, position } = atCursor("app.service", text);
    const texts: string[] = [];
    for (let range: SelectionRange | undefined = testService().selectionRanges(document, [position])[0]; range; range = range.parent) {
      texts.push(document.getText(range.range));
    }
    return texts;
  };

  it("grows from a word of the value to the value, the entry, the section and the file", async () => {
    const text = "[Unit]\nDescription=x\n\n[Service]\nExecStart=/bin/echo he|llo\nUser=a\n";
    assert.deepEqual(chain(text), [
      "hello",
      "/bin/echo hello",
      "ExecStart=/bin/echo hello",
      "[Service]\nExecStart=/bin/echo hello\nUser=a",
      text.replace("|", ""),
    ]);
  });

  it("grows from a key to the entry", async () =>
    assert.deepEqual(chain("[Unit]\nAf|ter=a.service\n").slice(0, 3), ["After", "After=a.service", "[Unit]\nAfter=a.service"]));
});
