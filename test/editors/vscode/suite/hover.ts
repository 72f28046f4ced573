import assert from "node:assert/strict";
import { suite, test } from "mocha";
import * as vscode from "vscode";
import { openUnit } from "./openUnit";

/** The text of every hover VS Code would show at `position`, joined. */
async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", uri, position);
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === "string" ? content : content.value))
    .join("\n");
}

export function hoverSuite(): void {
  suite("hover", () => {
    test("explains ExecStart= with the project's summary and the installed man page", async () => {
      const editor = await openUnit("hover.service", "[Service]\nExecStart=/usr/bin/true\n");
      const text = await hoverText(editor.document.uri, new vscode.Position(1, 3));
      assert.match(text, /\*\*ExecStart=\*\* in `\[Service\]`/);
      assert.match(text, /From the installed systemd\.service\(5\)/);
      // A sentence of the man page itself, not of the bundled summary.
      assert.match(text, /executed when this service is started/);
    });
  });
}
