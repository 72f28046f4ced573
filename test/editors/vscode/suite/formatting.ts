import assert from "node:assert/strict";
import { suite, test } from "mocha";
import * as vscode from "vscode";
import { openUnit } from "./openUnit";

const untidy = [
  "[Unit]",
  "Description = Formatted on request   ",
  "[Service]",
  "# keep this comment",
  "ExecStart=/usr/bin/true",
  "Restart =on-failure",
  "",
  "",
  "[Install]",
  "WantedBy=multi-user.target",
].join("\n");

const tidy = [
  "[Unit]",
  "Description=Formatted on request",
  "",
  "[Service]",
  "# keep this comment",
  "ExecStart=/usr/bin/true",
  "Restart=on-failure",
  "",
  "[Install]",
  "WantedBy=multi-user.target",
  "",
].join("\n");

export function formattingSuite(): void {
  suite("formatting", () => {
    test("Format Document writes Key=Value, one blank line between sections and a final newline", async () => {
      const editor = await openUnit("untidy.service", untidy);
      const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>("vscode.executeFormatDocumentProvider", editor.document.uri, {
        tabSize: 4,
        insertSpaces: true,
      } satisfies vscode.FormattingOptions);
      assert.ok(edits.length > 0, "no edits");
      const edit = new vscode.WorkspaceEdit();
      edit.set(editor.document.uri, edits);
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.equal(editor.document.getText(), tidy);
    });
  });
}
