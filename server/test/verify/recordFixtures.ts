// Records what the installed systemd-analyze verify prints for the units in fixtureCases.ts, into
// fixtures/recorded.json, for the output parser tests. Run from the repository root:
//   node --import tsx server/test/verify/recordFixtures.ts
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { unitKind } from "../../src/language/unitKind";
import { verifyArgv, verifyEnv } from "../../src/systemd/analyzeVerify";
import { runProcess } from "../../src/systemd/processRunner";
import { stagedPath } from "../../src/systemd/verifyDiagnostics";
import { withSandbox } from "../../src/systemd/verifySandbox";
import { planStaging } from "../../src/systemd/verifyStaging";
import { fixtureCases, type RecordedRun } from "./fixtureCases";

async function record(): Promise<void> {
  const systemd = execFileSync("systemd-analyze", ["--version"], { encoding: "utf8" }).split("\n")[0]!;
  const runs: Record<string, RecordedRun> = {};
  for (const [name, fixture] of Object.entries(fixtureCases)) {
    const kind = unitKind(fixture.path);
    const planned = planStaging(fixture, kind, fixture.parent);
    if (!planned.ok) throw new Error(`${name}: ${planned.message}`);
    const { plan } = planned;
    runs[name] = await withSandbox(plan, async (sandbox) => {
      const argv = verifyArgv("systemd-analyze", kind.scope, stagedPath(sandbox.unitDir, plan.verify));
      const result = await runProcess(argv, { timeoutMs: 10_000, env: verifyEnv(sandbox) });
      if (!result.ok) throw new Error(`${name}: ${result.message}`);
      return { ...sandbox, exitCode: result.code, stderr: result.stderr };
    });
  }
  const file = join(__dirname, "fixtures", "recorded.json");
  writeFileSync(file, `${JSON.stringify({ systemd, runs }, null, 2)}\n`);
  console.log(`recorded ${Object.keys(runs).length} runs of ${systemd} into ${file}`);
}

record().catch((error) => {
  console.error(error);
  process.exit(1);
});
