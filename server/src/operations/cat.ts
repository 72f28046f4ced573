import { parseCatFiles } from "../systemd/catOutput";
import type { ResolvedUnit } from "./arguments";
import type { OperationContext } from "./context";
import { withSession } from "./session";
import type { Answer, CatResult } from "../protocol/operationResults";

/** The configuration systemd has loaded for the unit: its file and drop-ins (`systemctl cat`). */
export function cat(context: OperationContext, target: ResolvedUnit, signal?: AbortSignal): Promise<Answer<CatResult>> {
  return withSession(context, target.scope, signal, async (session) => {
    const result = await session.systemctl(["cat", "--", target.unit]);
    return { ok: true, unit: target.unit, scope: target.scope, text: result.stdout, files: parseCatFiles(result.stdout) };
  });
}
