import * as vscode from "vscode";
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";
import {
  LANGUAGE_ID,
  LINE_FORMAT_LANGUAGES,
  TRUST_CHANGED,
  type InitializationOptions,
  type TrustChangedParams,
} from "../../server/src/protocol";
import { registerShowDependencies } from "./graph/showDependencies";
import { registerManPageDocuments } from "./manPageDocuments";
import { Notifier } from "./operations/notifier";
import { RestartPolicy } from "./restartPolicy";
import { registerNewUnit } from "./newUnit/registerNewUnit";
import { registerOperationsUi, type OperationsTestApi } from "./operations/registerOperationsUi";
import { trackUnitFileOpened } from "./walkthroughProgress";

let client: LanguageClient | undefined;

/** The extension's exports, read by its editor tests. */
export interface UnitsmithExports {
  operations: OperationsTestApi;
}

export async function activate(context: vscode.ExtensionContext): Promise<UnitsmithExports> {
  const serverModule = context.asAbsolutePath("server/dist/server.js");
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6019"] } },
  };
  const outputChannel = vscode.window.createOutputChannel("Unitsmith", { log: true });
  const restarts = new RestartPolicy();
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }, ...LINE_FORMAT_LANGUAGES.map((format) => ({ language: format.id }))],
    synchronize: { configurationSection: "unitsmith" },
    outputChannel,
    // In an untrusted workspace the server runs no process at all (not even systemd-analyze).
    // VS Code has the snippets from the manifest, and renders man: links as read-only documents.
    initializationOptions: {
      trusted: vscode.workspace.isTrusted,
      snippets: false,
      manPageLinks: "document",
      // The status bar and the extension's own lens show the unit's state.
      stateInLens: false,
    } satisfies InitializationOptions,
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        const decision = restarts.serverStopped();
        return {
          action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart,
          ...(decision.message ? { message: decision.message } : { handled: true }),
        };
      },
    },
  };
  // The client id "unitsmith" makes the `unitsmith.trace.server` setting control message tracing.
  client = new LanguageClient("unitsmith", "Unitsmith", serverOptions, clientOptions);
  context.subscriptions.push(
    outputChannel,
    trackUnitFileOpened(),
    vscode.workspace.onDidGrantWorkspaceTrust(
      () => void client?.sendNotification(TRUST_CHANGED, { trusted: true } satisfies TrustChangedParams),
    ),
  );
  await client.start();
  context.subscriptions.push(registerManPageDocuments(client));
  // Its notices only tell what happened: they carry no buttons to act on.
  const graphNotifier = new Notifier(() => undefined, outputChannel);
  context.subscriptions.push(graphNotifier, registerShowDependencies(context, client, graphNotifier));
  return { operations: registerNewUnit(context, registerOperationsUi(context, client, outputChannel), outputChannel) };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
