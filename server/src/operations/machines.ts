import type { OperationContext } from "./context";
import { withSession } from "./session";
import type { Answer, MachinesResult } from "../protocol/operationResults";

/** The containers and VMs machined knows on this machine (`machinectl list`), each a host the other commands take. */
export function machines(context: OperationContext, signal?: AbortSignal): Promise<Answer<MachinesResult>> {
  return withSession(
    context,
    "system",
    signal,
    async (session) => {
      const result = await session.run(["machinectl", "list", "--no-legend", "--no-pager"]);
      const names = result.stdout
        .split("\n")
        .map((line) => line.trim().split(/\s+/)[0] ?? "")
        .filter((name) => name !== "");
      return { ok: true, machines: names };
    },
    { lock: false },
  );
}
