import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hover } from "../../src/language/hover";
import type { TargetSystemd } from "../../src/language/rules/rule";
import { unitKind } from "../../src/language/unitKind";
import { atCursor } from "./cursor";

function hoverText(path: string, text: string, target: TargetSystemd = {}): string | undefined {
  const { file, position } = atCursor(text);
  const result = hover({ file, kind: unitKind(path), position, target });
  return result && (result.hover.contents as { value: string }).value;
}

describe("hover", () => {
  it("documents a directive: summary, value, default, version and link", () => {
    const text = hoverText("web.service", "[Service]\nRes|tart=on-failure\n")!;
    assert.match(text, /\*\*Restart=\*\* in `\[Service\]`/);
    assert.match(text, /Value: one of no, on-success, on-failure/);
    assert.match(text, /Default: `no`/);
    assert.match(
      text,
      /\[systemd\.service\(5\)\]\(https:\/\/www\.freedesktop\.org\/software\/systemd\/man\/latest\/systemd\.service\.html#Restart=\)/,
    );
  });

  it("says when a directive is deprecated and what replaces it", () => {
    assert.match(hoverText("web.service", "[Service]\nMemory|Limit=1G\n")!, /\*Removed\.\*.*Use `MemoryMax=` instead/);
  });

  it("marks a directive newer than the target", () => {
    assert.match(hoverText("web.service", "[Service]\nMemoryZSwap|Max=1G\n", { version: 240 })!, /newer than the target, 240/);
  });

  it("documents a section header", () => {
    assert.match(hoverText("backup.timer", "[Ti|mer]\n")!, /\*\*\[Timer\]\*\* section of a \.timer unit/);
  });

  it("explains time spans and sizes in the value", () => {
    assert.match(hoverText("web.service", "[Service]\nTimeoutStartSec=9|0\n")!, /1 ?min(ute)? 30 ?s/);
    assert.match(hoverText("web.service", "[Service]\nMemoryMax=1|G\n")!, /1,073,741,824 bytes/);
  });

  it("says what an enum value means, prefixed forms included", () => {
    assert.match(hoverText("web.service", "[Service]\nRestart=on-fai|lure\n")!, /^\*\*Restart=on-failure\*\*: \S/);
    assert.match(hoverText("web.service", "[Service]\nStandardOutput=file:/var/lo|g/web.log\n")!, /^\*\*StandardOutput=file:\*\*: \S/);
  });

  it("explains a specifier, and flags an unknown one", () => {
    assert.match(hoverText("web@.service", "[Service]\nExecStart=/usr/bin/web %|i\n")!, /\*\*`%i`\*\* specifier/);
    assert.match(hoverText("web.service", "[Service]\nExecStart=/usr/bin/web %|z\n")!, /not a specifier systemd knows/);
  });

  it("has nothing to say about unknown directives or kinds", () => {
    assert.equal(hoverText("web.service", "[Service]\nFrob|nicate=1\n"), undefined);
    assert.equal(hoverText("notes.txt", "[Ser|vice]\n"), undefined);
  });
});
