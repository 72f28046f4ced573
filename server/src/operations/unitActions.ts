import type { ResolvedUnit } from "./arguments";
import type { OperationContext } from "./context";
import { describeAction, maskedRefusal, needsRunState, planAction, type UnitAction } from "./idempotence";
import { fail } from "./failures";
import { withSession, type Session } from "./session";
import type { Answer, DaemonReloadResult, UnitActionResult } from "../protocol/operationResults";
import type { Scope } from "../language/unitKind";

/** Applies the verbs that bring the unit where the action asks; the caller holds the session (and its lock). */
export async function applyAction(session: Session, unit: string, action: UnitAction): Promise<UnitActionResult> {
  const before = await session.actionableState(unit, needsRunState(action));
  const verbs = planAction(action, before);
  const refusal = maskedRefusal(unit, before, verbs);
  if (refusal) fail("unexpected-state", refusal);
  for (const verb of verbs) await session.change([verb, "--", unit]);
  const state = verbs.length > 0 ? await session.state(unit) : before;
  // `disable` of a static unit, say, succeeds without changing anything.
  const changed = action === "enable" || action === "disable" ? state.unitFileState !== before.unitFileState : verbs.length > 0;
  let message = describeAction(action, unit, verbs, before);
  if (verbs.includes("start") || verbs.includes("restart")) {
    if (state.failed) message += ` It failed right after starting: see its journal.`;
  }
  return { ok: true, unit, scope: session.scope, changed, message, ran: session.ran, state };
}

export function unitAction(
  context: OperationContext,
  target: ResolvedUnit,
  action: UnitAction,
  signal?: AbortSignal,
): Promise<Answer<UnitActionResult>> {
  return withSession(context, target.scope, signal, (session) => applyAction(session, target.unit, action));
}

export function daemonReload(context: OperationContext, scope: Scope, signal?: AbortSignal): Promise<Answer<DaemonReloadResult>> {
  return withSession(context, scope, signal, async (session) => {
    await session.daemonReload();
    return { ok: true, scope, changed: true, message: `Reloaded the ${scope} manager's unit files.` };
  });
}
