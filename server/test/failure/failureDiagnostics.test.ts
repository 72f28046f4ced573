// The language server's part: a unit the editor started that failed is explained on its line in
// the open document; the error goes with the next version of the document or when the unit runs.
import assert from "node:assert/strict";
import { test } from "node:test";
import { TextDocument } from "vscode-languageserver-textdocument";
import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver-types";
import { FailureDiagnostics } from "../../src/lsp/failureDiagnostics";
import type { ExplainFailureResult, UnitActionResult, UnitState } from "../../src/protocol/operationResults";

const uri = "file:///etc/systemd/system/app.service";
const error: Diagnostic = {
  range: { start: { line: 3, character: 0 }, end: { line: 3, character: 20 } },
  severity: DiagnosticSeverity.Error,
  source: "systemd",
  code: "203/EXEC",
  message: "203/EXEC: /opt/app could not be executed: No such file or directory.",
};
const explained: ExplainFailureResult = {
  ok: true,
  unit: "app.service",
  scope: "system",
  failed: true,
  cause: "203/EXEC",
  message: "app.service failed: ...",
  diagnostics: [{ uri, diagnostics: [error] }],
  journal: [],
};
const started = (failed: boolean): UnitActionResult => ({
  ok: true,
  unit: "app.service",
  scope: "system",
  changed: true,
  message: "",
  ran: [],
  state: { run: failed ? "stopped" : "running", failed } as UnitState,
});

test("a failed start is explained on its line until the document changes or the unit runs", async () => {
  let document = TextDocument.create(uri, "systemd-unit", 1, "[Service]\n");
  const asked: unknown[] = [];
  const changed: string[][] = [];
  const failures = new FailureDiagnostics(
    (wanted) => (wanted === uri ? document : undefined),
    async (args) => (asked.push(args), explained),
    (uris) => changed.push(uris),
  );
  const args = { unit: "app.service", scope: "system" };

  await failures.answered("unitsmith.systemd.start", args, { ok: false, reason: "command-failed", message: "Job failed" });
  assert.deepEqual(asked, [args], "the same argument is explained");
  assert.deepEqual(failures.get(document), [error]);
  assert.deepEqual(changed, [[uri]]);

  document = TextDocument.update(document, [{ text: "[Service]\nUser=x\n" }], 2);
  assert.deepEqual(failures.get(document), [], "another version of the file shows none");

  await failures.answered("unitsmith.systemd.restart", args, started(true));
  assert.deepEqual(failures.get(document), [error], "a restart that fails again explains it again");
  await failures.answered("unitsmith.systemd.start", args, started(false));
  assert.deepEqual(failures.get(document), [], "the unit runs: the error goes");

  await failures.answered("unitsmith.systemd.status", args, { ok: false, reason: "command-failed", message: "x" });
  assert.equal(asked.length, 2, "only starting commands are explained");
});
