import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver-types";
import type { UnitFile } from "../parser";
import { formatTenths, type Exposure } from "./exposure";

/** The directive a row is about: "ProtectSystem" for "ProtectSystem=", "User" for "User=/DynamicUser=". */
export function directiveOf(id: string): string {
  return id.slice(0, id.search(/[=/]/));
}

/** Where a row points: the directive's last assignment in [Service], else the [Service] header, else the top. */
function rangeFor(file: UnitFile, directive: string): Diagnostic["range"] {
  const service = file.sections.filter((s) => s.name === "Service").at(-1);
  const entry = service?.entries.filter((e) => e.key === directive).at(-1);
  if (entry) return file.lines.rangeOf(entry.keySpan.start, entry.valueSpan.end);
  if (service) return file.lines.rangeOf(service.header.nameSpan.start, service.header.nameSpan.end);
  return file.lines.rangeOf(0, 0);
}

/** One warning per row that adds to the score, on the line that decides it, for SARIF and editors. */
export function exposureDiagnostics(file: UnitFile, exposure: Exposure): Diagnostic[] {
  return exposure.rows
    .filter((row) => row.set === false)
    .map((row) => ({
      range: rangeFor(file, directiveOf(row.check.id)),
      severity: DiagnosticSeverity.Warning,
      source: "exposure",
      code: row.check.jsonField,
      message: `${row.check.id} is not fully hardened: it adds ${row.exposure ?? "0.0"} to the exposure score of ${formatTenths(exposure.tenths)} ${exposure.level}`,
    }));
}
