import * as vscode from "vscode";
import { LANGUAGE_ID } from "../../server/src/protocol";

/**
 * Context key: a unit file has been open in this window. The walkthrough's first step ("Open a
 * unit file") is done when it is set; walkthroughs see only global context keys, and the editor's
 * language is not one.
 */
export const UNIT_FILE_OPENED = "unitsmith.unitFileOpened";

export function trackUnitFileOpened(): vscode.Disposable {
  const isUnit = (document: vscode.TextDocument) => document.languageId === LANGUAGE_ID;
  const opened = () => void vscode.commands.executeCommand("setContext", UNIT_FILE_OPENED, true);
  if (vscode.workspace.textDocuments.some(isUnit)) {
    opened();
    return new vscode.Disposable(() => undefined);
  }
  const subscription = vscode.workspace.onDidOpenTextDocument((document) => {
    if (!isUnit(document)) return;
    opened();
    subscription.dispose();
  });
  return subscription;
}
