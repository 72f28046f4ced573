import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import type { CodeAction, Diagnostic, Range } from "vscode-languageserver-types";
import { rulePageOf } from "../language/rulePages";
import { allRules } from "../language/rules/registry";
import type { Severity } from "../language/rules/rule";
import { SERVER_VERSION } from "../version";
import { RULE_PAGES_URI } from "../rulePagesLocation";
import { nameOf, type FileDiagnostics } from "./lintReports";
import { ruleFullDescription } from "./rulePageText";

type SarifLevel = "error" | "warning" | "note";

const levelOf: Record<Severity, SarifLevel> = { error: "error", warning: "warning", info: "note", hint: "note" };

/** Our rules by their id; findings of systemd-analyze are prefixed with its name. */
function ruleIdOf(d: Diagnostic): string {
  const code = String(d.code ?? "finding");
  return d.source === "unitsmith" ? code : `${d.source ?? "other"}/${code}`;
}

const regionOf = (range: Range) => ({
  startLine: range.start.line + 1,
  startColumn: range.start.character + 1,
  endLine: range.end.line + 1,
  endColumn: range.end.character + 1,
});

/** A quick fix as a SARIF fix: its edits to the one file as replacements. */
function sarifFix(action: CodeAction, uri: string) {
  const edits = Object.values(action.edit?.changes ?? {}).flat();
  return {
    description: { text: action.title },
    artifactChanges: [
      {
        artifactLocation: { uri },
        replacements: edits.map((edit) => ({ deletedRegion: regionOf(edit.range), insertedContent: { text: edit.newText } })),
      },
    ],
  };
}

const artifactUri = (file: string) => (isAbsolute(file) ? pathToFileURL(file).href : file.split("/").map(encodeURIComponent).join("/"));

/**
 * SARIF 2.1.0, for code-scanning in CI: one run, the rules of Unitsmith as the driver's rules,
 * one result per diagnostic with the quick fixes offered for it. Each rule carries its page as
 * helpUri and what it catches and why as its full description. Lines and columns are 1-based
 * UTF-16 code units, as in LSP.
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
              fullDescription: { text: ruleFullDescription(rule.id) ?? rule.description },
              helpUri: rulePageOf(RULE_PAGES_URI, rule.id),
              defaultConfiguration: { level: levelOf[rule.defaultSeverity] },
            })),
          },
        },
        columnKind: "utf16CodeUnits",
        results: results.flatMap(({ file, diagnostics, fixes }) =>
          diagnostics.map((d) => {
            const offered = fixes?.get(d) ?? [];
            return {
              ruleId: ruleIdOf(d),
              level: levelOf[nameOf(d)],
              message: { text: typeof d.message === "string" ? d.message : d.message.value },
              locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(file) }, region: regionOf(d.range) } }],
              ...(offered.length > 0 && { fixes: offered.map((action) => sarifFix(action, artifactUri(file))) }),
            };
          }),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
