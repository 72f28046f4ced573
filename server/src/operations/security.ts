import { pathOfUri as documentPath } from "../language/fileUri";
import { parseUnitFile } from "../language/parser";
import { unitKind } from "../language/unitKind";
import { securityArgv } from "../systemd/commandLines";
import { firstLine } from "../systemd/failure";
import { parseSecurityJson } from "../systemd/securityOutput";
import { invalid, isObject, type Parsed } from "../protocol/operationArguments";
import type { OperationContext } from "./context";
import { fail, failFile } from "./failures";
import { securityDiagnostics } from "../language/quickFixes/securityFindings";
import { withSession } from "./session";
import type { Answer, SecurityResult } from "../protocol/operationResults";

export interface SecurityRequest {
  path: string;
  unit: string;
}

export function parseSecurityArgument(args: unknown): Parsed<SecurityRequest> {
  if (!isObject(args) || typeof args.uri !== "string") return invalid('security takes {"uri": <a .service file>}');
  const path = documentPath(args.uri);
  const kind = unitKind(path);
  if (kind.file?.family !== "unit" || kind.file.type !== "service" || kind.dropIn || kind.template) {
    return invalid(`${path}: the security analysis is for service unit files (not templates or drop-ins)`);
  }
  return { ok: true, value: { path, unit: kind.name } };
}

/** `systemd-analyze security --offline=true` on the saved file: each check, and the failed ones as diagnostics on it. */
export function security(context: OperationContext, request: SecurityRequest, signal?: AbortSignal): Promise<Answer<SecurityResult>> {
  return withSession(
    context,
    "system",
    signal,
    async (session) => {
      const argv = securityArgv(request.path);
      const result = await session.run(argv, { okCodes: [0, 1] });
      const parsed = parseSecurityJson(result.stdout);
      if (!parsed.ok) {
        fail("command-failed", firstLine(result.stderr) || parsed.message, { argv, stderr: result.stderr.trim() });
      }
      const text = await context.files.read(request.path).catch((error) => failFile(error, request.path, "system", "Reading"));
      return {
        ok: true,
        unit: request.unit,
        scope: "system",
        findings: parsed.findings,
        diagnostics: securityDiagnostics(parsed.findings, parseUnitFile(text)),
      };
    },
    { lock: false },
  );
}
