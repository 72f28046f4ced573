import { journalArgv, journalFollowArgv } from "../systemd/commandLines";
import type { JournalOptions } from "../protocol/operationArguments";
import type { ResolvedUnit } from "./arguments";
import type { OperationContext } from "./context";
import { withSession } from "./session";
import type { Answer, JournalResult } from "../protocol/operationResults";

/** The unit's recent journal; following it is the client's (in a terminal, with followArgv, which reaches the same host). */
export function journal(
  context: OperationContext,
  target: ResolvedUnit,
  options: JournalOptions,
  signal?: AbortSignal,
): Promise<Answer<JournalResult>> {
  const query = { unit: target.unit, scope: target.scope, ...options };
  return withSession(
    context,
    target.scope,
    signal,
    async (session) => {
      const argv = journalArgv(query);
      const result = await session.run(argv, { timeoutMs: context.timeouts.journalMs });
      return {
        ok: true,
        unit: target.unit,
        scope: target.scope,
        output: result.stdout,
        argv,
        followArgv: context.transport.program(journalFollowArgv(query), target.scope === "system"),
      };
    },
    { lock: false },
  );
}
