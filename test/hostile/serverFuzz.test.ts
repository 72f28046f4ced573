import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { machineDiagnostics, withoutRulePages } from "../../server/test/service";
import { LspSession } from "../protocol/lspClient";
import { answerProblems } from "./answerChecks";
import { DocumentGeometry } from "./documentGeometry";
import { fuzzCase } from "./documents";
import { answerOverStdio, executeGarbage } from "./serverAnswers";
import { fuzzSettings } from "./fuzzSettings";

const { seed: SEED, runs: RUNS } = fuzzSettings(20261123, 120);
const COMMANDS = ["unitsmith.systemd.status", "unitsmith.systemd.install", "unitsmith.systemd.journal", "unitsmith.nonexistent", ""];

// An untrusted workspace runs no process, so executeCommand can be fed garbage safely; every
// language feature works the same.
describe("the built server over stdio on generated documents (fast-check, fixed seed)", () => {
  let session: LspSession;

  before(async () => {
    session = (await LspSession.start({ trusted: false })).session;
  });

  after(async () => {
    assert.equal(await session.shutdown(), 0);
  });

  it("answers every request without an error response, inside the document, as the core computes it", async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(fuzzCase, fc.constantFrom(...COMMANDS), fc.anything(), async (c, command, argument) => {
        cases++;
        // A fresh path each time: the server keys everything by URI. A name without an extension
        // (os-release) keeps its name in a directory of its own.
        const path = /\.[a-z]+$/.test(c.path) ? c.path.replace(/(\.[a-z]+)$/, `-${cases}$1`) : c.path.replace(/[^/]+$/, `${cases}/$&`);
        const positions = new DocumentGeometry(c.text).positionsIn(c.spots);
        const answers = await answerOverStdio(session, path, c.text, positions);
        assert.deepEqual(answerProblems(c.text, answers), []);
        // The server links each of its findings to the rule's page beside its bundle; the core run here has no pages.
        for (const d of answers.diagnostics) assert.ok(d.codeDescription?.href.endsWith(`/rules/${String(d.code)}.md`), String(d.code));
        assert.deepEqual(withoutRulePages(answers.diagnostics), await machineDiagnostics(path, c.text));
        const refusal = (await executeGarbage(session, command, argument)) as { ok?: boolean };
        assert.equal(refusal?.ok, false);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    assert.equal(cases, RUNS);
    assert.equal(session.process.exitCode, null, "the server is still running");
    assert.deepEqual(session.stderr, []);
    console.log(`server fuzzing over stdio: ${cases} documents, seed ${SEED}`);
  });
});
