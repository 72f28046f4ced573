import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { ExecuteCommandRequest } from "vscode-languageclient/node";
import { DEPENDENCY_GRAPH, type DependencyGraphAnswer, type DependencyGraphArgument } from "../../../server/src/protocol";
import { UI_COMMANDS } from "../operations/commandIds";
import type { Notifier } from "../operations/notifier";
import { infoNotice } from "../operations/notices";
import { graphPageHtml, type FromGraphView, type ToGraphView } from "./graphPage";
import { t } from "../l10n";

const depths = () => [1, 2, 3].map((depth) => ({ label: depth === 1 ? t("1 step out") : t("{0} steps out", depth), depth }));

/** Show Dependencies: the units around the editor's unit, drawn in a webview; a click opens a unit's file. */
export function registerShowDependencies(context: vscode.ExtensionContext, client: LanguageClient, notifier: Notifier): vscode.Disposable {
  return vscode.commands.registerCommand(UI_COMMANDS.showDependencies, async (depth?: number) => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) return notifier.notify(infoNotice(t("Open a unit file or a drop-in to see the units around it.")));
    const steps = depth ?? (await vscode.window.showQuickPick(depths(), { title: t("How far out?") }))?.depth;
    if (steps === undefined) return;
    const argument: DependencyGraphArgument = { uri: document.uri.toString(), depth: steps };
    const answer = (await client.sendRequest(ExecuteCommandRequest.type, {
      command: DEPENDENCY_GRAPH,
      arguments: [argument],
    })) as DependencyGraphAnswer;
    if (!answer.ok) return notifier.notify(infoNotice(answer.message));
    const dist = vscode.Uri.joinPath(context.extensionUri, "client", "dist");
    const title = t("Dependencies: {0}", answer.unit);
    const panel = vscode.window.createWebviewPanel("unitsmith.dependencies", title, vscode.ViewColumn.Beside, {
      enableScripts: true,
      localResourceRoots: [dist],
    });
    const script = panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, "graphView.js")).toString();
    panel.webview.html = graphPageHtml(script, panel.webview.cspSource, title);
    panel.webview.onDidReceiveMessage((message: FromGraphView) => {
      if ("ready" in message) void panel.webview.postMessage({ dot: answer.dot } satisfies ToGraphView);
      else if (typeof message.open === "string" && message.open.startsWith("file:"))
        void vscode.window.showTextDocument(vscode.Uri.parse(message.open));
    });
  });
}
