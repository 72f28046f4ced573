import assert from "node:assert/strict";
import * as vscode from "vscode";

/** Writes a file (parent folders included) into the window's workspace folder. */
export async function writeWorkspaceFile(relativePath: string, text: string): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, "the window has no workspace folder");
  const uri = vscode.Uri.joinPath(folder.uri, ...relativePath.split("/"));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}
