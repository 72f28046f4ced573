import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { MAN_PAGE_SCHEME, SHOW_MAN_PAGE, type ShowManPageAnswer } from "../../server/src/protocol";

/**
 * Shows `unitsmith-man:/systemd.exec(5).md` links (from Documentation= man: URIs) as rendered
 * Markdown, written by the server from the man page installed on the machine. VS Code opens a
 * link as a text editor; that editor gives way to the Markdown preview of the same page.
 */
export function registerManPageDocuments(client: LanguageClient): vscode.Disposable {
  const preview = vscode.window.onDidChangeActiveTextEditor(async (editor) => {
    if (editor?.document.uri.scheme !== MAN_PAGE_SCHEME) return;
    const uri = editor.document.uri;
    await vscode.commands.executeCommand("workbench.action.closeActiveEditor");
    await vscode.commands.executeCommand("markdown.showPreview", uri);
  });
  const pages = vscode.workspace.registerTextDocumentContentProvider(MAN_PAGE_SCHEME, {
    async provideTextDocumentContent(uri) {
      const name = decodeURIComponent(uri.path).replace(/^\//, "").replace(/\.md$/, "");
      const answer = (await client.sendRequest("workspace/executeCommand", {
        command: SHOW_MAN_PAGE,
        arguments: [{ name }],
      })) as ShowManPageAnswer;
      return answer.ok ? answer.markdown : `# ${name}\n\n${answer.message}\n`;
    },
  });
  return vscode.Disposable.from(preview, pages);
}
