import * as vscode from "vscode";

/** Read-only editors for command output (status, the effective configuration, the journal). */
export class ReadOnlyDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  static readonly scheme = "unitsmith-output";
  private readonly texts = new Map<string, string>();
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;
  private readonly subscriptions = [
    vscode.workspace.registerTextDocumentContentProvider(ReadOnlyDocuments.scheme, this),
    vscode.workspace.onDidCloseTextDocument((document) => this.texts.delete(document.uri.toString())),
  ];

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? "";
  }

  /** Shows `text` at `path` (its last segment is the tab's title); the same path shows the newest text. */
  async show(path: string, text: string, languageId: string): Promise<vscode.TextEditor> {
    const uri = vscode.Uri.from({ scheme: ReadOnlyDocuments.scheme, path });
    this.texts.set(uri.toString(), text);
    this.changes.fire(uri);
    let document = await vscode.workspace.openTextDocument(uri);
    if (document.languageId !== languageId && (await vscode.languages.getLanguages()).includes(languageId)) {
      document = await vscode.languages.setTextDocumentLanguage(document, languageId);
    }
    return vscode.window.showTextDocument(document, { preview: false });
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changes.dispose();
  }
}
