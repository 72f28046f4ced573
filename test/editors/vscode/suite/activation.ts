import assert from "node:assert/strict";
import { suite, test } from "mocha";
import * as vscode from "vscode";
import { extensionId } from "./manifest";
import { until } from "./waiting";
import { writeWorkspaceFile } from "./workspaceFiles";

export function activationSuite(): void {
  suite("activation", () => {
    test("stays inactive until a unit file is opened, then activates", async () => {
      const extension = vscode.extensions.getExtension(extensionId);
      assert.ok(extension, `${extensionId} is not loaded`);
      assert.equal(extension.isActive, false, "active before any unit file was opened");

      const uri = await writeWorkspaceFile("hello.service", "[Service]\nExecStart=/usr/bin/true\n");
      await vscode.window.showTextDocument(uri);
      await until(() => extension.isActive, "activation after opening a .service file");
    });
  });
}
