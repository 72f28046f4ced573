import assert from "node:assert/strict";
import { suite, test } from "mocha";
import * as vscode from "vscode";
import { languageId } from "./manifest";
import { writeWorkspaceFile } from "./workspaceFiles";

const unitFiles: [kind: string, path: string, text: string][] = [
  ["service", "app.service", "[Service]\nExecStart=/usr/bin/app\n"],
  ["timer", "app.timer", "[Timer]\nOnCalendar=daily\n"],
  ["drop-in", "app.service.d/override.conf", "[Service]\nRestart=always\n"],
  ["networkd", "10-wired.network", "[Match]\nName=en*\n\n[Network]\nDHCP=yes\n"],
  ["Quadlet", "web.container", "[Container]\nImage=docker.io/library/nginx:stable\n"],
];

export function languageIdSuite(): void {
  suite("language id", () => {
    for (const [kind, path, text] of unitFiles) {
      test(`a ${kind} file (${path}) opens as ${languageId}`, async () => {
        const uri = await writeWorkspaceFile(path, text);
        const document = await vscode.workspace.openTextDocument(uri);
        assert.equal(document.languageId, languageId);
      });
    }

    test("a plain .conf outside a drop-in folder is left alone", async () => {
      const uri = await writeWorkspaceFile("notes/app.conf", "key=value\n");
      const document = await vscode.workspace.openTextDocument(uri);
      assert.notEqual(document.languageId, languageId);
    });
  });
}
