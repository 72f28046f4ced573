import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createManPage, inSlices, listedDirectiveSteps, listedDirectives, manPageSteps, parseRoff } from "../../src/language/roff";
import type { Steps } from "../../src/language/roff";

/** A page as long as systemd.directives(7): `count` entries, each listing the page that documents it. */
function longPage(count: number): string {
  const entries = Array.from(
    { length: count },
    (_, i) => `.PP\n\\fIKnob${i}=\\fR\n.RS 4\nTurns knob ${i}\\&. See \\fBdemo\\fR(5)\\&.\n.RE\n`,
  );
  return `.TH "DEMO" "5"\n.SH "UNIT DIRECTIVES"\n${entries.join("")}.SH "NOTES"\n.IP " 1." 4\nhome\n.RS 4\n\\%https://example.org\n.RE\n`;
}

/** How many times the steps pause before they are done. */
function pauses(steps: Steps<unknown>): number {
  let count = 0;
  while (!steps.next().done) count++;
  return count;
}

describe("parsing in steps", () => {
  const source = longPage(4_000);
  const lines = source.split("\n").length;

  it("pauses at least once every few hundred lines of a long page", () => {
    assert.ok(pauses(manPageSteps("demo", "5", source)) >= Math.floor(lines / 256), "a pause per 256 lines, at least");
    const document = parseRoff(source);
    assert.ok(pauses(listedDirectiveSteps(document)) >= Math.floor(4_000 / 256));
  });

  it("builds in slices exactly what it builds at once, and lets timers run in between", async () => {
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 0);
    try {
      const sliced = await inSlices(manPageSteps("demo", "5", source), 0);
      assert.ok(ticks > 0, "the event loop ran between two slices");
      assert.deepEqual(sliced, createManPage("demo", "5", source));
      assert.deepEqual(await inSlices(listedDirectiveSteps(sliced.document), 0), listedDirectives(sliced.document));
      assert.equal(sliced.directives.size, 4_000);
      assert.equal(sliced.document.notes.get(1), "https://example.org");
    } finally {
      clearInterval(ticking);
    }
  });
});
