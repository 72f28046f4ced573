import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { MAN_PAGE_SCHEME, SHOW_MAN_PAGE, type ShowManPageAnswer } from "../../server/src/protocol";

/**
 * Shows `unitsmith-man:/systemd.exec(5).md` links (from Documentation= man: URIs) as read-only
 * Markdown documents, rendered by the server from the man page installed on the machine.
 */
export function registerManPageDocuments(client: LanguageClient): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(MAN_PAGE_SCHEME, {
    async provideTextDocumentContent(uri) {
      const name = decodeURIComponent(uri.path).replace(/^\//, "").replace(/\.md$/, "");
      const answer = (await client.sendRequest("workspace/executeCommand", {
        command: SHOW_MAN_PAGE,
        arguments: [{ name }],
      })) as ShowManPageAnswer;
      return answer.ok ? answer.markdown : `# ${name}\n\n${answer.message}\n`;
    },
  });
}
