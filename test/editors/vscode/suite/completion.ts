import assert from "node:assert/strict";
import { suite, test } from "mocha";
import * as vscode from "vscode";
import { openUnit } from "./openUnit";

/** The labels VS Code would list at `position`, as its suggest widget gets them from every provider. */
async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>("vscode.executeCompletionItemProvider", uri, position);
  return list.items.map((item) => (typeof item.label === "string" ? item.label : item.label.label));
}

export function completionSuite(): void {
  suite("completion", () => {
    test("offers ExecStart in [Service] for a typed prefix", async () => {
      const editor = await openUnit("complete-directive.service", "[Service]\nExec\n");
      const labels = await completionLabels(editor.document.uri, new vscode.Position(1, 4));
      assert.ok(labels.includes("ExecStart"), `not among ${labels.length} items: ${labels.slice(0, 20).join(", ")}`);
      assert.ok(!labels.includes("Description"), "a [Unit] directive is offered in [Service]");
    });

    test("offers the values of Restart=", async () => {
      const editor = await openUnit("complete-value.service", "[Service]\nExecStart=/usr/bin/true\nRestart=\n");
      const labels = await completionLabels(editor.document.uri, new vscode.Position(2, 8));
      for (const value of ["no", "on-success", "on-failure", "on-abnormal", "on-watchdog", "on-abort", "always"]) {
        assert.ok(labels.includes(value), `${value} is missing from ${labels.join(", ")}`);
      }
    });
  });
}
