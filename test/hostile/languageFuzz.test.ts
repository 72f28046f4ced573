import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { TextDocument } from "vscode-languageserver-textdocument";
import { createUnitLanguageService, emptyHost } from "../../server/src/language/languageService";
import { fileUri } from "../../server/src/language/fileUri";
import { LANGUAGE_ID } from "../../server/src/protocol/languageId";
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

async function problemsOf({ path, text, spots }: FuzzCase, version?: number): Promise<string[]> {
  const positions = new DocumentGeometry(text).positionsIn(spots);
  const answers = await answerInProcess(text, path, positions, version === undefined ? {} : { version });
  return [...answerProblems(text, answers), ...formattingProblems(text)];
}

describe("every feature of the core on generated documents (fast-check, fixed seed)", () => {
  it("replays the stored regression cases", async () => {
    for (const regression of regressions) assert.deepEqual(await problemsOf(regression), [], regression.why);
  });

  it("completion at a line past the end of the document answers edits on one line", async () => {
    const document = TextDocument.create(fileUri("/etc/systemd/network/br0.netdev"), LANGUAGE_ID, 1, "[Match]\n");
    const items = await createUnitLanguageService(emptyHost()).completion(document, { line: 2, character: 0 });
    const spanning = items.filter(
      (item) => item.textEdit && "range" in item.textEdit && item.textEdit.range.start.line !== item.textEdit.range.end.line,
    );
    assert.deepEqual(
      spanning.map((item) => item.label),
      [],
    );
  });

  it("never throws, keeps every range inside the document, formats idempotently and keeps every value", async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(fuzzCase, async (c) => {
        cases++;
        assert.deepEqual(await problemsOf(c, cases % 2 ? 252 : undefined), []);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    assert.equal(cases, RUNS);
    console.log(`core fuzzing: ${cases} documents, seed ${SEED}`);
  });
});
