import * as vscode from "vscode";

/**
 * Resolves once the diagnostics of `uri` change to none. VS Code reports a change only when there
 * were some, so the caller makes some first (see `hasNoDiagnostics`).
 */
function diagnosticsCleared(uri: vscode.Uri, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`the diagnostics of ${uri.toString()} were not cleared within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      if (vscode.languages.getDiagnostics(uri).length > 0) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

/** Resolves with the diagnostics of `uri` the first time some are published. */
function diagnosticsPublished(uri: vscode.Uri, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no diagnostics for ${uri.toString()} within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (diagnostics.length === 0) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(diagnostics);
    });
  });
}

/**
 * Proves the server finds nothing wrong with the editor's text: a malformed line appended is
 * flagged, and once it is removed again the diagnostics go back to none. (A document that never had
 * a diagnostic raises no event to wait for.)
 */
export async function hasNoDiagnostics(editor: vscode.TextEditor): Promise<void> {
  const { document } = editor;
  const end = document.lineAt(document.lineCount - 1).range.end;
  const flagged = diagnosticsPublished(document.uri);
  await editor.edit((edit) => edit.insert(end, "this line has no equals sign\n"));
  await flagged;
  const cleared = diagnosticsCleared(document.uri);
  await editor.edit((edit) => edit.delete(new vscode.Range(end, document.lineAt(document.lineCount - 1).range.end)));
  await cleared;
}
