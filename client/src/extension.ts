import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

export const LANGUAGE_ID = "systemd-unit";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath("server/dist/server.js");
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6019"] } },
  };
  const outputChannel = vscode.window.createOutputChannel("Unitsmith", { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: { configurationSection: "unitsmith" },
    outputChannel,
    // In an untrusted workspace the server runs no process at all (not even systemd-analyze).
    initializationOptions: { trusted: vscode.workspace.isTrusted },
  };
  // The client id "unitsmith" makes the `unitsmith.trace.server` setting control message tracing.
  client = new LanguageClient("unitsmith", "Unitsmith", serverOptions, clientOptions);
  context.subscriptions.push(
    outputChannel,
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification("unitsmith/trustChanged", { trusted: true })),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
