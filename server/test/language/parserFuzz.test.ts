import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parseUnitFile } from "../../src/language/parser";

// Fragments that exercise every branch of the parser, mixed with arbitrary text.
const fragment = fc.oneof(
  fc.constantFrom("[Unit]", "[Service]", "[X-Vendor]", "[Bad", "ExecStart=", "A=b", "=", "#", ";", "\\", "\\\\", " ", "\t"),
  fc.constantFrom("\n", "\r\n", "\r", "\uFEFF", "\0", "\uFFFD", "𝄞", "é"),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 6 }),
);
const documents = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(""));

const SEED = 20261122;

describe("parser fuzzing (fast-check, fixed seed)", () => {
  it("never throws, prints back byte for byte, and keeps every span inside the text", () => {
    let cases = 0;
    fc.assert(
      fc.property(documents, (text) => {
        cases++;
        const file = parseUnitFile(text);
        let at = 0;
        for (const node of file.nodes) {
          if (node.start !== at || node.end < node.start || node.contentEnd > node.end) return false;
          at = node.end;
          if (node.kind === "entry") {
            for (const span of [node.keySpan, node.valueSpan]) {
              if (span.start < node.start || span.end > node.contentEnd || span.start > span.end) return false;
            }
            for (const s of node.segments) {
              if (s.textStart < node.start || s.textStart + s.length > node.contentEnd) return false;
            }
          }
        }
        if (at !== text.length) return false;
        const lines = file.lines;
        const end = lines.positionAt(text.length);
        return lines.offsetAt(end) === text.length;
      }),
      { seed: SEED, numRuns: 3000 },
    );
    assert.equal(cases, 3000);
    console.log(`parser fuzzing: ${cases} documents, seed ${SEED}`);
  });
});
