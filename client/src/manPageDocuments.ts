import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";

export const MAN_PAGE_SCHEME = "unitsmith-man";

/**
 * Shows `unitsmith-man:/systemd.exec(5).md` links (from Documentation= man: URIs) as read-only
 * Markdown documents, rendered by the server from the man page installed on the machine.
 */
export function registerManPageDocuments(client: LanguageClient): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(MAN_PAGE_SCHEME, {
    async provideTextDocumentContent(uri) {
      const name = decodeURIComponent(uri.path).replace(/^\//, "").replace(/\.md$/, "");
      const answer = (await client.sendRequest("workspace/executeCommand", {
        command: "unitsmith.showManPage",
        arguments: [{ name }],
      })) as { ok: boolean; markdown?: string; message?: string };
      return answer.ok ? (answer.markdown ?? "") : `# ${name}\n\n${answer.message ?? "The man page could not be read."}\n`;
    },
  });
}
