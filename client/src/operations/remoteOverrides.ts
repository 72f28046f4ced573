import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as vscode from "vscode";
import { report, type OperationsUi } from "./operationsUi";
import { hostKey, unitArgument, type UnitRef } from "./unitTarget";
import { withProgress } from "./unitCommands";
import { t } from "../l10n";

/**
 * Edit Override on another host: the drop-in opens as a local copy (named like the drop-in, so
 * every language feature works on it), and each save sends the text back with writeOverride,
 * which puts it in place there and reloads that manager.
 */
export class RemoteOverrides implements vscode.Disposable {
  private readonly copies = new Map<string, UnitRef>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly ui: OperationsUi) {
    this.subscription = vscode.workspace.onDidSaveTextDocument((document) => this.saved(document));
  }

  async open(ref: UnitRef, text: string): Promise<void> {
    const host = hostKey(ref.host).replace(/[^A-Za-z0-9@._-]/g, "_");
    const directory = join(tmpdir(), `unitsmith-remote-${process.pid}`, host, ref.scope, `${ref.unit}.d`);
    await mkdir(directory, { recursive: true, mode: 0o700 });
    const path = join(directory, "override.conf");
    await writeFile(path, text, { mode: 0o600 });
    this.copies.set(path, ref);
    await vscode.window.showTextDocument(vscode.Uri.file(path));
  }

  private async saved(document: vscode.TextDocument): Promise<void> {
    const ref = this.copies.get(document.uri.fsPath);
    if (!ref) return;
    const doing = t("Saving the override of {0} on {1}", ref.unit, hostKey(ref.host).replace(/^\w+:/, ""));
    const answer = await withProgress(`${doing}…`, () =>
      this.ui.operations.run("writeOverride", { ...unitArgument(ref), text: document.getText() }),
    );
    report(this.ui, answer, doing);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
