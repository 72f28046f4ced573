import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { analyze } from "../../server/src/language/analysis";
import { completions } from "../../server/src/language/completion";
import { answerProblems } from "./answerChecks";
import { DocumentGeometry } from "./documentGeometry";
import { fuzzCase, type FuzzCase } from "./documents";
import { formattingProblems } from "./formattingChecks";
import { answerInProcess } from "./inProcess";
import { fuzzSettings } from "./fuzzSettings";

const { seed: SEED, runs: RUNS } = fuzzSettings(20261122, 2500);

interface Regression extends FuzzCase {
  why: string;
}

/** Cases that once failed, replayed first; add a failing counterexample here before fixing it. */
const regressions = JSON.parse(readFileSync(join(__dirname, "regressions.json"), "utf8")) as Regression[];

function problemsOf({ path, text, spots }: FuzzCase, version?: number): string[] {
  const positions = new DocumentGeometry(text).positionsIn(spots);
  const answers = answerInProcess(text, path, positions, version === undefined ? {} : { version });
  return [...answerProblems(text, answers), ...formattingProblems(text)];
}

describe("every feature of the core on generated documents (fast-check, fixed seed)", () => {
  it("replays the stored regression cases", () => {
    for (const regression of regressions) assert.deepEqual(problemsOf(regression), [], regression.why);
  });

  it("completion at a line past the end of the document answers edits on one line", () => {
    const text = "[Match]\n";
    const analysis = analyze(text, "/etc/systemd/network/br0.netdev", 2048);
    const items = completions({ file: analysis.file!, kind: analysis.kind, position: { line: 2, character: 0 }, target: {} });
    const spanning = items.filter(
      (item) => item.textEdit && "range" in item.textEdit && item.textEdit.range.start.line !== item.textEdit.range.end.line,
    );
    assert.deepEqual(
      spanning.map((item) => item.label),
      [],
    );
  });

  it("never throws, keeps every range inside the document, formats idempotently and keeps every value", () => {
    let cases = 0;
    fc.assert(
      fc.property(fuzzCase, (c) => {
        cases++;
        assert.deepEqual(problemsOf(c, cases % 2 ? 252 : undefined), []);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    assert.equal(cases, RUNS);
    console.log(`core fuzzing: ${cases} documents, seed ${SEED}`);
  });
});
