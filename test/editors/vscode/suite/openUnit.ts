import assert from "node:assert/strict";
import * as vscode from "vscode";
import { extensionId } from "./manifest";
import { until } from "./waiting";
import { writeWorkspaceFile } from "./workspaceFiles";

/**
 * Shows a unit once the extension is active: its language client has started by then, so the
 * providers that VS Code's vscode.execute*Provider commands ask are registered.
 */
export async function showUnit(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(uri);
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension, `${extensionId} is not loaded`);
  await until(() => extension.isActive, "activation");
  return editor;
}

/** Writes a unit into the workspace folder and shows it (see showUnit). */
export async function openUnit(relativePath: string, text: string): Promise<vscode.TextEditor> {
  return showUnit(await writeWorkspaceFile(relativePath, text));
}
