import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "vscode-languageserver-types";
import { unitKind } from "../../src/language/unitKind";
import { parseStagedOutput, verifyDiagnostics } from "../../src/systemd/verifyDiagnostics";
import { planStaging } from "../../src/systemd/verifyStaging";
import { fixtureCases, type RecordedRun } from "./fixtureCases";

export type FixtureName = keyof typeof fixtureCases;

const recorded = JSON.parse(readFileSync(join(__dirname, "fixtures", "recorded.json"), "utf8")) as { runs: Record<string, RecordedRun> };

/** The diagnostics the recorded output of systemd-analyze 252 gives for a fixture. */
export function recordedDiagnostics(name: FixtureName, showEnvironmentNoise = true): Diagnostic[] {
  const fixture = fixtureCases[name]!;
  const run = recorded.runs[name]!;
  const planned = planStaging(fixture, unitKind(fixture.path), fixture.parent);
  assert.ok(planned.ok);
  const context = { plan: planned.plan, unitDir: run.unitDir, runtimeDir: run.runtimeDir, showEnvironmentNoise };
  return verifyDiagnostics(parseStagedOutput(run.stderr, planned.plan, run.unitDir), fixture.text, context);
}
