import type { SecurityFinding } from "../protocol/operationResults";

export type SecurityParse = { ok: true; findings: SecurityFinding[] } | { ok: false; message: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** Reads `systemd-analyze security --json=short` (systemd 250 and later). */
export function parseSecurityJson(stdout: string): SecurityParse {
  let data: unknown;
  try {
    data = JSON.parse(stdout);
  } catch {
    return { ok: false, message: "systemd-analyze security did not print JSON (it needs systemd 250 or later)" };
  }
  if (!Array.isArray(data)) return { ok: false, message: "systemd-analyze security printed JSON that is not a list of checks" };
  const findings: SecurityFinding[] = [];
  for (const item of data) {
    if (!isRecord(item) || typeof item.name !== "string") continue;
    const exposure = typeof item.exposure === "string" || typeof item.exposure === "number" ? Number(item.exposure) : NaN;
    findings.push({
      id: item.name,
      description: typeof item.description === "string" ? item.description : "",
      set: typeof item.set === "boolean" ? item.set : null,
      exposure: Number.isFinite(exposure) ? exposure : null,
    });
  }
  return { ok: true, findings };
}
