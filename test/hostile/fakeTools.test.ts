import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { after, before, describe, it } from "node:test";
import { CompletionRequest, DidSaveTextDocumentNotification, HoverRequest, type MarkupContent } from "vscode-languageserver-protocol/node";
import { documentOf, testService } from "../../server/test/service";
import { LspSession } from "../protocol/lspClient";
import { DocumentGeometry } from "./documentGeometry";
import { killProcessesMentioning, processesLeft, processesMentioning, writeFakeTool } from "./fakeTools";

const UNIT = "[Unit]\nDescription=Fake tools\n\n[Service]\nExecStart=/usr/bin/true\nRestart=\n";

describe("FAKE systemd-analyze and systemctl first on PATH (built server over stdio)", () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "unitsmith-fake-tools-"));
  });

  after(() => {
    killProcessesMentioning(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  const startWith = (bin: string, settings: unknown = { verify: { timeoutSeconds: 1 } }) =>
    LspSession.start(undefined, { env: { ...process.env, PATH: `${bin}:${process.env.PATH}` }, settings });

  it("a hanging FAKE systemd-analyze: verify on save times out, the server answers meanwhile and leaves no process behind", async () => {
    const bin = join(dir, "hang-bin");
    // The fake starts a child of its own that holds the output pipes, as a forking tool would.
    writeFakeTool(bin, "hold", "sleep 300\n:");
    writeFakeTool(bin, "systemd-analyze", `"${bin}/hold" &\n"${bin}/hold"`);
    const { session } = await startWith(bin);
    after(() => session.process.kill("SIGKILL"));
    const uri = await session.open(join(dir, "hang.service"), UNIT);
    await session.diagnosticsFor(uri);
    await session.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    const items = await session.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 5, character: 8 },
    });
    assert.ok(Array.isArray(items) && items.some((item) => item.label === "on-failure"), "completion answers while verify hangs");
    const message = await session.logged((m) => m.includes("timed out"), 30_000);
    assert.match(message, /systemd-analyze verify timed out after 1 s/);
    assert.deepEqual(processesMentioning(bin), [], "the fake and its child were killed");
    assert.equal(await session.shutdown(), 0);
  });

  it("a FAKE systemd-analyze printing garbage: no crash, and what it reports stays inside the document", async () => {
    const bin = join(dir, "garbage-bin");
    writeFakeTool(
      bin,
      "systemd-analyze",
      [
        "for last; do :; done # the staged unit file is the last argument",
        "printf \"%s:99999: Unknown key name 'X' in section 'Service', ignoring.\\n\" \"$last\" >&2",
        'printf "%s:-3:garbage\\n%s:\\n:::\\n" "$last" "$last" >&2',
        'printf "\\377\\376\\000binary\\033[31m colour\\n" >&2',
        "head -c 3000 /dev/urandom >&2",
        "exit 1",
      ].join("\n"),
    );
    const { session } = await startWith(bin);
    after(() => session.process.kill("SIGKILL"));
    const uri = await session.open(join(dir, "garbage.service"), UNIT);
    const first = await session.diagnosticsFor(uri);
    await session.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    const outcome = await session.until(
      () => session.allDiagnostics(uri).find((p) => p !== first) ?? (session.logs.some((m) => m.includes("verify")) ? first : undefined),
      30_000,
      () => `no verify outcome; logs: ${session.logs.join("\n")}`,
    );
    const geometry = new DocumentGeometry(UNIT);
    for (const d of outcome.diagnostics) assert.ok(geometry.contains(d.range), `${d.message} at ${JSON.stringify(d.range)}`);
    const answer = await session.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 1, character: 1 },
    });
    const items = Array.isArray(answer) ? answer : (answer?.items ?? []);
    assert.ok(
      items.some((item) => item.label === "Description"),
      "completion still answers",
    );
    assert.equal(await session.shutdown(), 0);
  });

  it("a hanging FAKE systemctl (asked for the systemd version): diagnostics and completion do not wait for it, and it does not outlive the server", async () => {
    const bin = join(dir, "systemctl-bin");
    writeFakeTool(bin, "hold", "sleep 300\n:");
    writeFakeTool(bin, "systemctl", `"${bin}/hold"`);
    const { session } = await startWith(bin, {});
    after(() => session.process.kill("SIGKILL"));
    const uri = await session.open(join(dir, "version.service"), UNIT);
    await session.diagnosticsFor(uri);
    const items = await session.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 5, character: 8 },
    });
    assert.ok(Array.isArray(items) && items.length > 0);
    assert.equal(await session.shutdown(), 0);
    assert.deepEqual(await processesLeft(bin), [], "the server took its hanging child with it when it exited");
  });
});

describe("man pages that are missing or corrupt (built server over stdio)", () => {
  it("hover answers with the bundled summary when MANPATH holds corrupt pages", async () => {
    const manPath = mkdtempSync(join(tmpdir(), "unitsmith-corrupt-man-"));
    mkdirSync(join(manPath, "man5"));
    mkdirSync(join(manPath, "man7"));
    writeFileSync(join(manPath, "man5", "systemd.service.5.gz"), Buffer.from("this is not gzip at all \u0000\u00ff"));
    writeFileSync(join(manPath, "man5", "systemd.exec.5.gz"), gzipSync(".TH broken\n.SH\n\\f[\n.so ../../../etc/passwd\n").subarray(0, 20));
    writeFileSync(join(manPath, "man7", "systemd.directives.7.gz"), gzipSync(Buffer.from([0, 1, 2, 0xff, 0])));
    const { session } = await LspSession.start(undefined, { env: { ...process.env, MANPATH: manPath } });
    after(() => session.process.kill("SIGKILL"));
    const path = join(manPath, "unit.service");
    const uri = await session.open(path, UNIT);
    const position = { line: 4, character: 3 };
    const answered = (await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }))
      ?.contents as MarkupContent;
    const bundled = (await testService().hover(documentOf(path, UNIT), position))!.contents as MarkupContent;
    assert.equal(answered.value, bundled.value);
    assert.equal(await session.shutdown(), 0);
    rmSync(manPath, { recursive: true, force: true });
  });
});
