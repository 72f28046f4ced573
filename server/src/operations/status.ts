import type { ResolvedUnit } from "./arguments";
import type { OperationContext } from "./context";
import { fail } from "./failures";
import { withSession } from "./session";
import { unitFilePath } from "../systemd/unitDirectories";
import { templateOf } from "../protocol/unitNames";
import type { Answer, OperationFailure, StatusResult } from "../protocol/operationResults";

/** `systemctl status` as the user would read it, and the state behind it. */
export async function status(context: OperationContext, target: ResolvedUnit, signal?: AbortSignal): Promise<Answer<StatusResult>> {
  const answer = await withSession<StatusResult>(context, target.scope, signal, async (session) => {
    const state = await session.state(target.unit);
    if (!state.found) fail("unit-not-found", `unit not found: ${target.unit}`);
    // 3: the unit is not active; 4 would be "no such unit", which show has ruled out.
    const result = await session.systemctl(["status", "--full", "--lines=20", "--", target.unit], { okCodes: [0, 3] });
    return { ok: true, unit: target.unit, scope: target.scope, output: result.stdout, state };
  });
  return answer.ok || answer.reason !== "no-systemd" ? answer : withInstalledFile(context, target, answer);
}

/** Without a manager, the file in the scope's unit directory is the one thing known: installed or not. */
async function withInstalledFile(context: OperationContext, target: ResolvedUnit, failure: OperationFailure): Promise<OperationFailure> {
  const path = unitFilePath(context.directories, target.scope, templateOf(target.unit));
  const kind = await context.files.kind(path).catch(() => "missing");
  if (kind !== "file" && kind !== "symlink") return failure;
  return {
    ...failure,
    installedFile: path,
    message: `${target.unit} is installed (${path} is present), but ${failure.message.charAt(0).toLowerCase()}${failure.message.slice(1)}`,
  };
}
