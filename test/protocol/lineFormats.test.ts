// Each line format over LSP (the built server over stdio): its diagnostics, completion, hover and formatting.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { CompletionRequest, DocumentFormattingRequest, HoverRequest } from "vscode-languageserver-protocol/node";
import type { CompletionItem, MarkupContent } from "vscode-languageserver-types";
import { LspSession } from "./lspClient";

interface FormatCase {
  language: string;
  /** Where the file lies, under the test's scratch directory. */
  path: string;
  /** One line is wrong; `|` marks where completion and hover are asked. */
  text: string;
  /** The rule of the one finding, and its line. */
  finding: [rule: string, line: number];
  /** A label completion offers at the cursor. */
  completes: string;
  /** Text the hover at the cursor shows: our summary, and where the page is installed, the man page's. */
  hover: RegExp[];
  /** The text formatted, where the format has a canonical form. */
  formatted?: string;
}

const CASES: FormatCase[] = [
  {
    language: "systemd-tmpfiles",
    path: "etc/tmpfiles.d/app.conf",
    text: "d /run/app 0755 root root -\n|f /var/lib/app/state 0640 root root - ok\nd /run/app 999\n",
    finding: ["invalid-field", 2],
    completes: "L",
    hover: [/tmpfiles\.d type `f`/, /From the installed tmpfiles\.d\(5\)/],
    formatted: "d /run/app           0755 root root -\nf /var/lib/app/state 0640 root root - ok\nd /run/app           999\n",
  },
  {
    language: "systemd-sysusers",
    path: "usr/lib/sysusers.d/app.conf",
    text: '|u app - "App daemon" /var/lib/app\ng appgroup 4711 \nm app 1adm\n',
    finding: ["invalid-field", 2],
    completes: "g",
    hover: [/sysusers\.d type `u`/, /From the installed sysusers\.d\(5\)/],
    formatted: 'u app      - "App daemon" /var/lib/app\ng appgroup 4711\nm app      1adm\n',
  },
  {
    language: "udev-rules",
    path: "etc/udev/rules.d/70-app.rules",
    text: 'SUBSYSTEM=="usb", |ACTION=="add", MODE="0660"\nKERNEL=="sd*", FOO="bar"\n',
    finding: ["invalid-field", 1],
    completes: "ATTRS",
    hover: [/udev match key `ACTION`/, /From the installed udev\(7\)/],
  },
  {
    language: "udev-hwdb",
    path: "etc/udev/hwdb.d/70-app.hwdb",
    text: "evdev:input:b0003v05ACp*\n   |KEYBOARD_KEY_70039=leftctrl\n\n KEYBOARD_KEY_1=a\n",
    finding: ["malformed-entry", 3],
    completes: "MOUSE_DPI",
    hover: [/KEYBOARD_KEY_70039/],
    formatted: "evdev:input:b0003v05ACp*\n KEYBOARD_KEY_70039=leftctrl\n\n KEYBOARD_KEY_1=a\n",
  },
  {
    language: "sysctl",
    path: "etc/sysctl.d/70-app.conf",
    text: "|net.ipv4.ip_forward=1\nvm.swappiness 10\n",
    finding: ["malformed-entry", 1],
    completes: "vm.swappiness",
    hover: [/written to `\/proc\/sys\/net\/ipv4\/ip_forward`/],
    formatted: "net.ipv4.ip_forward = 1\nvm.swappiness 10\n",
  },
  {
    language: "systemd-modules-load",
    path: "etc/modules-load.d/app.conf",
    text: "|br_netfilter\nfoo bar\n",
    finding: ["invalid-field", 1],
    completes: "overlay",
    hover: [/Kernel module `br_netfilter`/],
    formatted: "br_netfilter\nfoo bar\n",
  },
  {
    language: "systemd-binfmt",
    path: "etc/binfmt.d/app.conf",
    text: ":DOSWin:|M::MZ::/usr/bin/wine:\n:x:Q::MZ::/a:\n",
    finding: ["invalid-field", 1],
    completes: "E",
    hover: [/\*\*type\*\*/],
  },
  {
    language: "systemd-environment",
    path: "etc/environment.d/50-app.conf",
    text: "|EDITOR = vim\n1B=2\n",
    finding: ["invalid-field", 1],
    completes: "PATH",
    hover: [/\*\*EDITOR\*\*: the editor programs open/],
    formatted: "EDITOR=vim\n1B=2\n",
  },
  {
    language: "systemd-preset",
    path: "usr/lib/systemd/system-preset/50-app.preset",
    text: "|enable   app.service\nenabel app.socket\n",
    finding: ["malformed-entry", 1],
    completes: "disable",
    hover: [/\*\*enable\*\*/],
    formatted: "enable app.service\nenabel app.socket\n",
  },
  {
    language: "os-release",
    path: "etc/os-release",
    text: '|NAME="App OS"\nID=App\n',
    finding: ["invalid-field", 1],
    completes: "VERSION_ID",
    hover: [/\*\*NAME\*\*/, /From the installed os-release\(5\)/],
  },
];

describe("line formats over LSP (built server over stdio)", () => {
  let session: LspSession;
  const scratch = mkdtempSync(join(tmpdir(), "unitsmith-line-formats-"));

  before(async () => {
    session = (await LspSession.start()).session;
  });

  after(async () => {
    assert.equal(await session.shutdown(), 0);
    rmSync(scratch, { recursive: true, force: true });
  });

  for (const format of CASES) {
    describe(format.language, () => {
      const cursor = format.text.indexOf("|");
      const text = format.text.replace("|", "");
      const lines = format.text.slice(0, cursor).split("\n");
      const position = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
      let uri: string;

      before(async () => {
        uri = await session.open(join(scratch, format.path), text, 1, format.language);
      });

      it("publishes the one finding on the wrong line", async () => {
        const published = await session.diagnosticsFor(uri, (p) => p.diagnostics.length > 0);
        assert.deepEqual(
          published.diagnostics.map((d) => [d.code, d.range.start.line]),
          [format.finding],
        );
      });

      it("completes", async () => {
        const answer = await session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
        const items = (Array.isArray(answer) ? answer : (answer?.items ?? [])) as CompletionItem[];
        assert.ok(
          items.some((item) => item.label === format.completes),
          items.map((item) => item.label).join(" "),
        );
      });

      it("hovers with our summary and the man page", async () => {
        const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
        const value = (hover?.contents as MarkupContent | undefined)?.value ?? "";
        for (const expected of format.hover) assert.match(value, expected);
      });

      if (format.formatted !== undefined) {
        it("formats to its canonical form", async () => {
          const edits = await session.connection.sendRequest(DocumentFormattingRequest.type, {
            textDocument: { uri },
            options: { tabSize: 2, insertSpaces: true },
          });
          const result = edits?.length ? edits[0]!.newText : text;
          assert.equal(result, format.formatted);
        });
      }
    });
  }

  it("an untitled document in a line format's language is that format", async () => {
    const uri = "untitled:Untitled-1";
    await session.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "systemd-tmpfiles", version: 1, text: "Q! relative\n" },
    });
    const published = await session.diagnosticsFor(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      ["invalid-field"],
    );
  });
});
