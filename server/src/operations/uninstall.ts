import { unitFilePath } from "../systemd/unitDirectories";
import { templateOf } from "../protocol/unitNames";
import type { ResolvedUnit } from "./arguments";
import type { OperationContext } from "./context";
import { failFile } from "./failures";
import { isUp } from "./idempotence";
import { unlessNoManager } from "./managerSteps";
import { withSession, type Session } from "./session";
import type { Answer, UninstallResult } from "../protocol/operationResults";

/** Stops, disables (which also removes a `systemctl link` symlink) and resets the unit as far as it needs; true when anything changed. */
async function windDown(session: Session, unit: string): Promise<{ changed: boolean; messages: string[] }> {
  const state = await session.state(unit);
  if (!state.found) return { changed: false, messages: [] };
  const steps: [string, string][] = [
    ...(isUp(state) ? [["stop", `Stopped ${unit}.`] as [string, string]] : []),
    ...(state.enablement === "enabled" || state.unitFileState.startsWith("linked")
      ? [["disable", `Disabled ${unit}.`] as [string, string]]
      : []),
  ];
  for (const [verb] of steps) await session.change([verb, "--", unit]);
  if ((await session.state(unit)).failed) await session.change(["reset-failed", "--", unit]);
  return { changed: steps.length > 0, messages: steps.map(([, message]) => message) };
}

/**
 * Undoes install: stops and disables the unit, removes its file from the scope's unit directory
 * (only a regular file of that exact name; a link made by `systemctl link` goes with disable),
 * and reloads systemd. The unit's drop-in directory is left alone. Without a manager to talk to,
 * the file is still removed and the answer says what was not done.
 */
export function uninstall(context: OperationContext, target: ResolvedUnit, signal?: AbortSignal): Promise<Answer<UninstallResult>> {
  return withSession(context, target.scope, signal, async (session) => {
    const file = templateOf(target.unit);
    const path = unitFilePath(context.directories, target.scope, file);
    let wound = { changed: false, messages: [] as string[] };
    const noManagerBefore = await unlessNoManager(async () => {
      if (target.template) await session.change(["disable", "--", target.unit]);
      else wound = await windDown(session, target.unit);
    });

    const kind = await context.files.kind(path).catch((error) => failFile(error, path, target.scope, "Looking at"));
    const messages = [...wound.messages];
    let removed: string | undefined;
    if (kind === "file") {
      await context.files.remove(path).catch((error) => failFile(error, path, target.scope, "Removing", ["rm", "--", path]));
      removed = path;
      messages.push(`Removed ${path}.`);
    } else if (kind === "missing") {
      messages.push(`There is no ${file} in ${context.directories[target.scope]}.`);
    } else {
      messages.push(`${path} is not a regular file (${kind}); Unitsmith left it in place.`);
    }
    const changed = wound.changed || removed !== undefined;
    const noManager =
      noManagerBefore ??
      (await unlessNoManager(async () => {
        if (changed || target.template) await session.daemonReload();
      }));
    if (noManager) {
      if (removed) context.reloadPending.add(target.scope);
      messages.push(`Not done: stop, disable and reload the ${target.scope} manager. ${noManager}`);
    } else if (changed || target.template) {
      messages.push(`Reloaded the ${target.scope} manager.`);
    }
    return {
      ok: true,
      unit: target.unit,
      scope: target.scope,
      ...(removed && { removed }),
      ...(noManager && { managerUnreachable: true }),
      changed,
      message: messages.join(" "),
      ran: session.ran,
    };
  });
}
