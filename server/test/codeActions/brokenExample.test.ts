// Every mistake in examples/broken.service, the file a newcomer opens first, has a quick fix, and
// applying them all leaves a file without diagnostics.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { withDigits } from "../../src/language/quickFixes/spelledTimeSpan";
import { documentOf, testService } from "../service";
import { applyAction, applyFix, fixesFor } from "./applyFix";

const PATH = "/work/broken.service";
const broken = readFileSync(join(__dirname, "../../../examples/broken.service"), "utf8");

test("a line without = whose first word is a directive: did you mean, and the fix", async () => {
  const text = "[Service]\nExecStart=/bin/true\nRestart on-failure\n";
  const [diagnostic] = await testService().diagnostics(documentOf(PATH, text));
  assert.equal(diagnostic?.message, 'Missing "=": did you mean `Restart=on-failure`? systemd ignores this line.');
  const fixed = await applyFix(PATH, text, "malformed-line");
  assert.equal(fixed.action.title, "Change to Restart=on-failure");
  assert.equal(fixed.text, "[Service]\nExecStart=/bin/true\nRestart=on-failure\n");
  assert.equal((await applyFix(PATH, "[Service]\nRestart: always\n", "malformed-line")).text, "[Service]\nRestart=always\n");
});

test("a line without = that names no directive of its section keeps the general message and has no fix", async () => {
  const text = "[Service]\nExecStart=/bin/true\nWantedBy multi-user.target\n";
  const [diagnostic] = await testService().diagnostics(documentOf(PATH, text));
  assert.match(String(diagnostic?.message), /expected Key=Value/);
  assert.deepEqual(await fixesFor(PATH, text, "malformed-line"), []);
});

test("a time span in words becomes the span systemd writes", async () => {
  const cases: [string, string][] = [
    ["five minutes", "5min"],
    ["an hour", "1h"],
    ["twenty-five seconds", "25s"],
    ["one hour and thirty minutes", "1h 30min"],
    ["ninety seconds", "1min 30s"],
  ];
  for (const [written, span] of cases) {
    const fixed = await applyFix(
      PATH,
      `[Service]\nExecStart=/bin/true\nTimeoutStartSec=${written}\n`,
      "invalid-value",
      /^Change to TimeoutStartSec=/,
    );
    assert.equal(fixed.text, `[Service]\nExecStart=/bin/true\nTimeoutStartSec=${span}\n`, written);
  }
  assert.equal(withDigits("soon"), undefined);
});

test("every diagnostic in examples/broken.service has a fix, and the fixes leave none", async () => {
  const service = testService();
  let text = broken;
  for (let round = 0; round < 10; round++) {
    const document = documentOf(PATH, text);
    const diagnostics = await service.diagnostics(document);
    if (diagnostics.length === 0) break;
    const [first] = diagnostics;
    assert.ok(first);
    const sent = JSON.parse(JSON.stringify(first)) as typeof first;
    const [action] = service.codeActions(document, { diagnostics: [sent] });
    assert.ok(action, `no quick fix for: ${first.message}`);
    text = applyAction(text, action);
  }
  assert.deepEqual(await service.diagnostics(documentOf(PATH, text)), []);
  assert.match(text, /^Restart=on-failure$/m);
  assert.match(text, /^RestartSec=5s$/m);
  assert.match(text, /^TimeoutStartSec=5min$/m);
});
