import assert from "node:assert/strict";
import { suite, test } from "mocha";
import * as vscode from "vscode";
import { openUnit } from "./openUnit";

export function definitionSuite(): void {
  suite("definition", () => {
    test("Go to Definition on a unit name finds the installed unit file", async () => {
      const editor = await openUnit("goto.service", "[Unit]\nAfter=multi-user.target\n\n[Service]\nExecStart=/usr/bin/true\n");
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        "vscode.executeDefinitionProvider",
        editor.document.uri,
        new vscode.Position(1, 10),
      );
      const targets = found.map((location) => ("targetUri" in location ? location.targetUri : location.uri).fsPath);
      assert.equal(targets.length, 1, JSON.stringify(targets));
      assert.match(targets[0]!, /^(\/usr)?\/lib\/systemd\/system\/multi-user\.target$/);
    });
  });
}
