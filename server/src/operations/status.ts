import type { ResolvedUnit } from "./arguments";
import type { OperationContext } from "./context";
import { fail } from "./failures";
import { withSession } from "./session";
import type { Answer, StatusResult } from "../protocol/operationResults";

/** `systemctl status` as the user would read it, and the state behind it. */
export function status(context: OperationContext, target: ResolvedUnit, signal?: AbortSignal): Promise<Answer<StatusResult>> {
  return withSession(context, target.scope, signal, async (session) => {
    const state = await session.state(target.unit);
    if (!state.found) fail("unit-not-found", `unit not found: ${target.unit}`);
    // 3: the unit is not active; 4 would be "no such unit", which show has ruled out.
    const result = await session.systemctl(["status", "--full", "--lines=20", "--", target.unit], { okCodes: [0, 3] });
    return { ok: true, unit: target.unit, scope: target.scope, output: result.stdout, state };
  });
}
