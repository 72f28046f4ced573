// A timer's next elapses over plain LSP: the hover and the opt-in inlay hint, against systemd-analyze calendar.
import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { HoverRequest, InlayHintRequest, type MarkupContent } from "vscode-languageserver-protocol/node";
import { hasSystemdAnalyze, runAnalyze } from "../../server/test/values/systemdAnalyze";
import { LspSession } from "./lspClient";

const TIME_ZONE = "Europe/Berlin";
// Elapses only on 29 February, so the server and systemd-analyze, asked a moment apart, see the same next five.
const EXPRESSION = "*-02-29 12:00 America/New_York";
const TEXT = `[Unit]\nDescription=leap day\n\n[Timer]\nOnCalendar=${EXPRESSION}\nRandomizedDelaySec=5min\n`;

async function systemdElapses(): Promise<string[]> {
  const run = await runAnalyze("calendar", [EXPRESSION], ["--iterations=5"], TIME_ZONE);
  return [...run.stdout.matchAll(/(?:Next elapse|Iter\. #\d+): (.+)$/gm)].map((m) => m[1]!);
}

describe("timer schedule over stdio", { skip: !hasSystemdAnalyze() && "systemd-analyze is not installed" }, () => {
  let session: LspSession;
  before(async () => {
    const started = await LspSession.start(undefined, {
      env: { ...process.env, TZ: TIME_ZONE },
      settings: { inlayHints: { calendarElapses: true } },
    });
    session = started.session;
  });
  after(async () => assert.equal(await session.shutdown(), 0));

  it("hovers OnCalendar= with the next elapses and the random delay", async () => {
    const uri = await session.open(join(tmpdir(), "unitsmith-timer", "leap.timer"), TEXT);
    const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 4, character: 14 } });
    const text = (hover?.contents as MarkupContent).value;
    assert.match(text, /`\*-02-29 12:00:00 America\/New_York`/);
    assert.match(text, /RandomizedDelaySec=5min\*\*: each elapse is put off by up to 5 minutes/);
    const listed = [...text.matchAll(/^- (\w{3} \S+ \S+ \S+)/gm)].map((m) => m[1]);
    assert.deepEqual(listed, await systemdElapses());
  });

  it("shows the next elapse as an inlay hint when the setting is on", async () => {
    const uri = await session.open(join(tmpdir(), "unitsmith-timer", "hint.timer"), TEXT);
    const hints = await session.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } },
    });
    const [first] = await systemdElapses();
    assert.equal(hints?.length, 1);
    assert.equal(hints![0]!.position.line, 4);
    assert.ok(String(hints![0]!.label).startsWith(`next: ${first} = `), String(hints![0]!.label));
  });
});
