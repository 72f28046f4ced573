import * as vscode from "vscode";
import { LanguageClient } from "vscode-languageclient/browser";
import {
  LANGUAGE_ID,
  LINE_FORMAT_LANGUAGES,
  NETWORKD_TYPES,
  QUADLET_TYPES,
  READ_WORKSPACE_FILE,
  UNIT_TYPES,
  WORKSPACE_FILES,
  type InitializationOptions,
  type ReadWorkspaceFileParams,
  type ReadWorkspaceFileResult,
  type WorkspaceFilesResult,
} from "../../server/src/protocol";
import { t } from "./l10n";

/** The workspace files that may be unit files or drop-ins; the server keeps those that are. */
const SUFFIXES = new Set([...UNIT_TYPES, ...NETWORKD_TYPES, ...QUADLET_TYPES, "conf"]);
const UNIT_FILES_GLOB = `**/*.{${[...SUFFIXES].join(",")}}`;
const SKIPPED = "**/{node_modules,.git}/**";
const MAX_WORKSPACE_FILES = 20_000;
/** Remembered once the notice was shown, so that it is said once and not at every start. */
const NOTICE_SHOWN = "unitsmith.browserNoticeShown";

let client: LanguageClient | undefined;

/** The one notice of what is not here, shown once and by every command that needs a machine. */
const showNotice = () =>
  void vscode.window.showInformationMessage(
    t(
      "Unitsmith in the browser: completion, hover, checks, quick fixes and formatting work here; starting units, the journal, man pages and systemd-analyze need VS Code on a machine with systemd.",
    ),
  );

/**
 * The extension in VS Code for the web (vscode.dev, github.dev, code-server's web worker host):
 * the language server runs in a web worker with every authoring feature; the commands that need a
 * machine with systemd say once, in one notice, that they are not here.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // The units view needs a machine; code-server is a web workbench too, so `isWeb` cannot tell.
  void vscode.commands.executeCommand("setContext", "unitsmith.inBrowser", true);
  const outputChannel = vscode.window.createOutputChannel("Unitsmith", { log: true });
  const worker = await startWorker(vscode.Uri.joinPath(context.extensionUri, "server", "dist", "browserServer.js"));
  client = new LanguageClient("unitsmith", "Unitsmith", worker, {
    documentSelector: [{ language: LANGUAGE_ID }, ...LINE_FORMAT_LANGUAGES.map((format) => ({ language: format.id }))],
    synchronize: { configurationSection: "unitsmith" },
    outputChannel,
    // VS Code has the snippets from the manifest; man pages are not here, so man: links go to the web.
    initializationOptions: { snippets: false, manPageLinks: "web", stateInLens: false } satisfies InitializationOptions,
  });
  client.onRequest(WORKSPACE_FILES, async (): Promise<WorkspaceFilesResult> => {
    const uris = await vscode.workspace.findFiles(UNIT_FILES_GLOB, SKIPPED, MAX_WORKSPACE_FILES);
    return uris.map((uri) => uri.toString());
  });
  client.onRequest(READ_WORKSPACE_FILE, async ({ uri, maxBytes }: ReadWorkspaceFileParams): Promise<ReadWorkspaceFileResult> => {
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.parse(uri));
      return new TextDecoder().decode(bytes.subarray(0, maxBytes));
    } catch {
      return null;
    }
  });
  context.subscriptions.push(outputChannel, ...machineCommands(context));
  await client.start();
  if (!context.globalState.get(NOTICE_SHOWN)) {
    void context.globalState.update(NOTICE_SHOWN, true);
    showNotice();
  }
}

/**
 * The language server's worker. A web host that serves the extension over http(s) (vscode.dev)
 * starts it from its address; one that installed it on its server (code-server) gives it a
 * vscode-remote: URI, from which VS Code starts no worker, so the bundle is read and started from
 * a blob.
 */
async function startWorker(script: vscode.Uri): Promise<Worker> {
  if (script.scheme === "http" || script.scheme === "https") return new Worker(script.toString(true));
  const text = await vscode.workspace.fs.readFile(script);
  return new Worker(URL.createObjectURL(new Blob([new TextDecoder().decode(text)], { type: "text/javascript" })));
}

/** Every contributed command (they all need a machine here) answers with the one notice. */
function machineCommands(context: vscode.ExtensionContext): vscode.Disposable[] {
  const contributed = (context.extension.packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes?.commands ?? [];
  return contributed.map(({ command }) => vscode.commands.registerCommand(command, showNotice));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
