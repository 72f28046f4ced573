import type * as vscode from "vscode";

/** The rule id of a diagnostic, whether the server sent a bare code or one with a link. */
export function ruleId(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === "object" ? diagnostic.code.value : diagnostic.code;
}
