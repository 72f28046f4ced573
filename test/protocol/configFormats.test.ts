// Each of systemd's own configuration formats, and a build template, over stdio: the server
// completes its keys, hovers them, reports an unknown key and a value the daemon cannot read,
// and formats the file.
import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  CompletionRequest,
  DocumentFormattingRequest,
  HoverRequest,
  type CompletionItem,
  type CompletionList,
  type MarkupContent,
} from "vscode-languageserver-protocol/node";
import { LspSession } from "./lspClient";

interface Format {
  path: string;
  section: string;
  key: string;
  /** A value of `key` the reading program refuses; absent where the program's own parser reads the key. */
  bad?: string;
  /** A template's line whose value is a placeholder. */
  placeholder?: string;
}

const ETC = join(tmpdir(), "unitsmith-config-formats", "etc/systemd");
const USR = join(tmpdir(), "unitsmith-config-formats", "usr/lib");

const FORMATS: Format[] = [
  { path: `${ETC}/system.conf`, section: "Manager", key: "DefaultTimeoutStopSec", bad: "soon" },
  { path: `${ETC}/user.conf.d/10-env.conf`, section: "Manager", key: "DefaultRestartSec", bad: "5 parsecs" },
  { path: `${ETC}/journald.conf.d/50-size.conf`, section: "Journal", key: "SystemMaxUse", bad: "12Q" },
  { path: `${ETC}/logind.conf`, section: "Login", key: "HandleLidSwitch", bad: "nap" },
  { path: `${ETC}/resolved.conf.d/dns.conf`, section: "Resolve", key: "DNSSEC", bad: "sometimes" },
  { path: `${ETC}/timesyncd.conf`, section: "Time", key: "PollIntervalMinSec", bad: "often" },
  { path: `${ETC}/networkd.conf`, section: "Network", key: "SpeedMeter", bad: "maybe" },
  { path: `${ETC}/coredump.conf`, section: "Coredump", key: "Storage", bad: "disk" },
  { path: `${ETC}/oomd.conf`, section: "OOM", key: "DefaultMemoryPressureDurationSec" },
  { path: `${ETC}/sleep.conf`, section: "Sleep", key: "AllowSuspend", bad: "perhaps" },
  { path: `${ETC}/homed.conf`, section: "Home", key: "DefaultStorage", bad: "floppy" },
  { path: `${ETC}/pstore.conf`, section: "PStore", key: "Unlink", bad: "sure" },
  { path: `${ETC}/journal-remote.conf`, section: "Remote", key: "Seal", bad: "lots" },
  { path: `${ETC}/journal-upload.conf`, section: "Upload", key: "NetworkTimeoutSec", bad: "a while" },
  { path: `${ETC}/nspawn/web.nspawn`, section: "Network", key: "VirtualEthernet", bad: "maybe" },
  { path: `${ETC}/dnssd/http.dnssd`, section: "Service", key: "Priority", bad: "high" },
  { path: `${USR}/repart.d/10-root.conf`, section: "Partition", key: "FactoryReset", bad: "later" },
  { path: `${USR}/sysupdate.d/50-root.transfer`, section: "Transfer", key: "Verify", bad: "nope" },
  { path: `${USR}/sysupdate.d/devel.feature`, section: "Feature", key: "Enabled", bad: "nope" },
  {
    path: `${ETC}/system/food.service.in`,
    section: "Service",
    key: "TimeoutStopSec",
    bad: "soon",
    placeholder: "ExecStart=@bindir@/food {{ args }}",
  },
  { path: `${ETC}/journald.conf.j2`, section: "Journal", key: "Storage", bad: "persistant", placeholder: "SystemMaxUse=<%= max %>" },
];

const name = (path: string) => path.split("/").slice(-2).join("/");

describe("systemd's configuration formats over stdio", () => {
  let session: LspSession;

  before(async () => {
    session = (await LspSession.start()).session;
  });

  after(async () => {
    assert.equal(await session.shutdown(), 0);
  });

  const itemsOf = (result: CompletionItem[] | CompletionList | null) => (Array.isArray(result) ? result : (result?.items ?? []));

  for (const { path, section, key, bad, placeholder } of FORMATS) {
    it(name(path), async () => {
      // Line 2 is left for completion; nothing on a template's placeholder line may be reported.
      const lines = [`[${section}]`, `${key}=${bad ?? ""}`, key.slice(0, 4), `NoSuchKeyHere = 1`, ...(placeholder ? [placeholder] : [])];
      const uri = await session.open(path, lines.join("\n") + "\n");

      const published = await session.diagnosticsFor(uri, (p) => p.diagnostics.length > 0);
      // This machine's systemd (the default target) is older than some keys; that finding is true but not this test's.
      const codes = published.diagnostics.filter((d) => d.code !== "newer-directive").map((d) => `${d.range.start.line}:${d.code}`);
      assert.deepEqual(
        codes.sort(),
        [...(bad ? ["1:invalid-value"] : []), "2:malformed-line", "3:unknown-directive"],
        published.diagnostics.map((d) => d.message).join("\n"),
      );

      const completion = itemsOf(
        await session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 2, character: 4 } }),
      );
      assert.ok(
        completion.some((item) => item.label === key),
        `offered: ${completion.map((i) => i.label).join(", ")}`,
      );

      const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 1 } });
      assert.match((hover?.contents as MarkupContent).value, new RegExp(`\\*\\*${key}=\\*\\* in \`\\[${section}\\]\``));

      const edits = await session.connection.sendRequest(DocumentFormattingRequest.type, {
        textDocument: { uri },
        options: { tabSize: 4, insertSpaces: true },
      });
      assert.ok(
        edits?.some((edit) => edit.newText.startsWith("NoSuchKeyHere=1")),
        JSON.stringify(edits),
      );
    });
  }
});
