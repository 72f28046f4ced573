import { overridePath } from "../systemd/unitDirectories";
import { invalid, isObject, type Parsed } from "../protocol/operationArguments";
import { resolveUnit, type ResolvedUnit } from "./arguments";
import type { OperationContext } from "./context";
import { fail, failFile } from "./failures";
import { unlessNoManager } from "./managerSteps";
import { withSession } from "./session";
import type { Answer, OverrideResult, WriteOverrideResult } from "../protocol/operationResults";

/**
 * Finds or makes (empty) the unit's override drop-in in the scope's directory, the file
 * `systemctl edit` uses; a template's override applies to all its instances. On another host the
 * answer carries the file's text, for the client to edit a copy and send back with writeOverride.
 */
export function override(context: OperationContext, target: ResolvedUnit, signal?: AbortSignal): Promise<Answer<OverrideResult>> {
  return withSession(
    context,
    target.scope,
    signal,
    async () => {
      const path = overridePath(context.directories, target.scope, target.unit);
      const found = await context.files.kind(path).catch((error) => failFile(error, path, target.scope, "Looking at"));
      let created = false;
      if (found === "missing") {
        created = await context.files
          .createEmpty(path)
          .catch((error) => failFile(error, path, target.scope, "Creating", ["install", "-D", "-m", "0644", "/dev/null", path]));
      } else if (found !== "file" && found !== "symlink") {
        fail("file-error", `${path} exists but is not a regular file; Unitsmith leaves it alone.`, { path });
      }
      const text = context.transport.remote
        ? await context.files.read(path).catch((error) => failFile(error, path, target.scope, "Reading"))
        : undefined;
      return { ok: true, unit: target.unit, scope: target.scope, path, created, ...(text !== undefined && { text }) };
    },
    { lock: false },
  );
}

export interface WriteOverrideRequest {
  target: ResolvedUnit;
  text: string;
}

export function parseWriteOverrideArgument(args: unknown): Parsed<WriteOverrideRequest> {
  const target = resolveUnit(args, "template-allowed");
  if (!target.ok) return target;
  if (!isObject(args) || typeof args.text !== "string") return invalid('writeOverride needs "text": the drop-in\'s new content');
  return { ok: true, value: { target: target.value, text: args.text } };
}

/** Replaces the override drop-in's content (atomically) and reloads the manager: the edit of a copy, saved. */
export function writeOverride(
  context: OperationContext,
  { target, text }: WriteOverrideRequest,
  signal?: AbortSignal,
): Promise<Answer<WriteOverrideResult>> {
  return withSession(context, target.scope, signal, async (session) => {
    const path = overridePath(context.directories, target.scope, target.unit);
    await context.files
      .write(path, text)
      .catch((error) => failFile(error, path, target.scope, "Writing", ["install", "-D", "-m", "0644", "/dev/stdin", path]));
    const noManager = await unlessNoManager(() => session.daemonReload());
    if (noManager) context.reloadPending.add(target.scope);
    const reloaded = noManager ? `Not reloaded: ${noManager}` : `Reloaded the ${target.scope} manager.`;
    return { ok: true, unit: target.unit, scope: target.scope, path, message: `Wrote ${path}. ${reloaded}` };
  });
}
