import assert from "node:assert/strict";
import { suite, test } from "mocha";
import * as vscode from "vscode";
import { showUnit } from "./openUnit";
import { ruleId } from "./ruleId";
import { diagnosticsWhere } from "./waiting";
import { writeWorkspaceFile } from "./workspaceFiles";

const isUnknownDirective = (d: vscode.Diagnostic): boolean => ruleId(d) === "unknown-directive";

export function quickFixSuite(): void {
  suite("quick fix", () => {
    test("renames a misspelled directive, and its diagnostic goes away", async () => {
      const uri = await writeWorkspaceFile("misspelled.service", "[Service]\nExecStart=/usr/bin/true\nRestartSecs=5s\n");
      const flagged = diagnosticsWhere(uri, (diagnostics) => diagnostics.some(isUnknownDirective), "the unknown-directive diagnostic");
      const editor = await showUnit(uri);
      const diagnostic = (await flagged).find(isUnknownDirective);
      assert.ok(diagnostic);

      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        "vscode.executeCodeActionProvider",
        uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fix = actions.find((action) => action.title === "Change to RestartSec=");
      assert.ok(fix?.edit, `no rename among ${JSON.stringify(actions.map((action) => action.title))}`);
      const fixed = diagnosticsWhere(uri, (diagnostics) => !diagnostics.some(isUnknownDirective), "the diagnostic going away");
      assert.ok(await vscode.workspace.applyEdit(fix.edit));

      assert.equal(editor.document.lineAt(2).text, "RestartSec=5s");
      await fixed;
    });
  });
}
