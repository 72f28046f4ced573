import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import type { Diagnostic } from "vscode-languageserver-types";
import { allRules } from "../language/rules/registry";
import type { Severity } from "../language/rules/rule";
import { SERVER_VERSION } from "../version";
import { nameOf, type FileDiagnostics } from "./lintReports";

type SarifLevel = "error" | "warning" | "note";

const levelOf: Record<Severity, SarifLevel> = { error: "error", warning: "warning", info: "note", hint: "note" };

/** Our rules by their id; findings of systemd-analyze are prefixed with its name. */
function ruleIdOf(d: Diagnostic): string {
  const code = String(d.code ?? "finding");
  return d.source === "unitsmith" ? code : `${d.source ?? "other"}/${code}`;
}

/**
 * SARIF 2.1.0, for code-scanning in CI: one run, the rules of Unitsmith as the driver's rules,
 * one result per diagnostic. Lines and columns are 1-based UTF-16 code units, as in LSP.
 */
export function sarifReport(results: readonly FileDiagnostics[]): string {
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "unitsmith",
            version: SERVER_VERSION,
            rules: allRules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              defaultConfiguration: { level: levelOf[rule.defaultSeverity] },
            })),
          },
        },
        columnKind: "utf16CodeUnits",
        results: results.flatMap(({ file, diagnostics }) =>
          diagnostics.map((d) => ({
            ruleId: ruleIdOf(d),
            level: levelOf[nameOf(d)],
            message: { text: typeof d.message === "string" ? d.message : d.message.value },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: {
                    uri: isAbsolute(file) ? pathToFileURL(file).href : file.split("/").map(encodeURIComponent).join("/"),
                  },
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
