import { overridePath } from "../systemd/unitDirectories";
import type { ResolvedUnit } from "./arguments";
import type { OperationContext } from "./context";
import { fail, failFile } from "./failures";
import { withSession } from "./session";
import type { Answer, OverrideResult } from "../protocol/operationResults";

/**
 * Finds or makes (empty) the unit's override drop-in in the scope's directory, the file
 * `systemctl edit` uses; a template's override applies to all its instances.
 */
export function override(context: OperationContext, target: ResolvedUnit, signal?: AbortSignal): Promise<Answer<OverrideResult>> {
  return withSession(
    context,
    target.scope,
    signal,
    async () => {
      const path = overridePath(context.directories, target.scope, target.unit);
      const found = await context.files.kind(path).catch((error) => failFile(error, path, target.scope, "Looking at"));
      if (found === "file" || found === "symlink") return { ok: true, unit: target.unit, scope: target.scope, path, created: false };
      if (found !== "missing") fail("file-error", `${path} exists but is not a regular file; Unitsmith leaves it alone.`, { path });
      const created = await context.files
        .createEmpty(path)
        .catch((error) => failFile(error, path, target.scope, "Creating", ["install", "-D", "-m", "0644", "/dev/null", path]));
      return { ok: true, unit: target.unit, scope: target.scope, path, created };
    },
    { lock: false },
  );
}
