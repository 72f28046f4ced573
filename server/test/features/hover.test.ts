import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { TargetSystemd } from "../../src/language/rules/rule";
import { atCursor, testService } from "../service";

async function hoverText(path: string, text: string, target: TargetSystemd = {}): Promise<string | undefined> {
  const { document, position } = atCursor(path, text);
  const result = await testService({}, { target }).hover(document, position);
  return result ? (result.contents as { value: string }).value : undefined;
}

describe("hover", () => {
  it("documents a directive: summary, value, default, version and link", async () => {
    const text = (await hoverText("web.service", "[Service]\nRes|tart=on-failure\n"))!;
    assert.match(text, /\*\*Restart=\*\* in `\[Service\]`/);
    assert.match(text, /Value: one of no, on-success, on-failure/);
    assert.match(text, /Default: no\./);
    assert.match(
      text,
      /\[systemd\.service\(5\)\]\(https:\/\/www\.freedesktop\.org\/software\/systemd\/man\/latest\/systemd\.service\.html#Restart=\)/,
    );
  });

  it("says when a directive is deprecated and what replaces it", async () => {
    assert.match((await hoverText("web.service", "[Service]\nMemory|Limit=1G\n"))!, /\*Removed\.\*.*Use `MemoryMax=` instead/);
  });

  it("marks a directive newer than the target", async () => {
    assert.match((await hoverText("web.service", "[Service]\nMemoryZSwap|Max=1G\n", { version: 240 }))!, /newer than the target, 240/);
  });

  it("documents a section header", async () => {
    assert.match((await hoverText("backup.timer", "[Ti|mer]\n"))!, /\*\*\[Timer\]\*\* section of a \.timer unit/);
  });

  it("explains time spans and sizes in the value", async () => {
    assert.match((await hoverText("web.service", "[Service]\nTimeoutStartSec=9|0\n"))!, /1 ?min(ute)? 30 ?s/);
    assert.match((await hoverText("web.service", "[Service]\nMemoryMax=1|G\n"))!, /1,073,741,824 bytes/);
  });

  it("says what an enum value means, prefixed forms included", async () => {
    assert.match((await hoverText("web.service", "[Service]\nRestart=on-fai|lure\n"))!, /^\*\*Restart=on-failure\*\*: \S/);
    assert.match(
      (await hoverText("web.service", "[Service]\nStandardOutput=file:/var/lo|g/web.log\n"))!,
      /^\*\*StandardOutput=file:\*\*: \S/,
    );
  });

  it("explains a specifier, and flags an unknown one", async () => {
    assert.match((await hoverText("web@.service", "[Service]\nExecStart=/usr/bin/web %|i\n"))!, /\*\*`%i`\*\* specifier/);
    assert.match((await hoverText("web.service", "[Service]\nExecStart=/usr/bin/web %|z\n"))!, /not a specifier systemd knows/);
  });

  it("has nothing to say about unknown directives or kinds", async () => {
    assert.equal(await hoverText("web.service", "[Service]\nFrob|nicate=1\n"), undefined);
    assert.equal(await hoverText("notes.txt", "[Ser|vice]\n"), undefined);
  });
});
