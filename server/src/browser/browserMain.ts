import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createConnection,
  ProposedFeatures,
  TextDocuments,
  type InitializeResult,
} from "vscode-languageserver/browser";
import { TextDocument } from "vscode-languageserver-textdocument";
import { clientFeaturesOf, createUnitLanguageService } from "../language/languageService";
import { PROJECT_FILE } from "../language/project/projectConfig";
import type { TargetSystemd } from "../language/rules/rule";
import { DIAGNOSTICS_DELAY_MS, serverCapabilities } from "../lsp/capabilities";
import { registerNotifications } from "../lsp/notificationRegistration";
import { DiagnosticsPublisher } from "../lsp/diagnosticsPublisher";
import { registerFeatureHandlers } from "../lsp/featureHandlers";
import { languageSettings } from "../lsp/languageSettings";
import type { Logger } from "../lsp/logger";
import { unitFileCommands } from "../lsp/unitFileCommands";
import type { InitializationOptions } from "../protocol/initialization";
import { validateSettings, type Settings } from "../settings/settings";
import { SERVER_VERSION } from "../version";
import { bundledSnippets } from "../workspace/bundledSnippets";
import { createBrowserHost } from "./browserHost";

/** A browser has no installed systemd to ask: the target is the version the settings name, or none. */
const targetOf = (settings: Settings): TargetSystemd =>
  settings.systemdVersion === "auto" ? {} : { version: Number(settings.systemdVersion) };

/**
 * The language server in a web worker: every authoring feature of the language service, over the
 * worker's message port. It runs no process and reads no disk; the workspace's unit files come
 * from the client (WORKSPACE_FILES, READ_WORKSPACE_FILE), and the features that need a machine
 * with systemd are not offered.
 */
function startBrowserServer(): void {
  // The worker's own scope posts and receives messages as a port does.
  const port = self as unknown as MessagePort;
  const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(port), new BrowserMessageWriter(port));
  const documents = new TextDocuments(TextDocument);
  const logger: Logger = {
    error: (message) => connection.console.error(message),
    info: (message) => connection.console.info(message),
  };
  const host = createBrowserHost((method, params) => connection.sendRequest(method, params));
  const service = createUnitLanguageService(host);
  let canPullConfiguration = false;
  let canRegisterConfiguration = false;
  let canWatchFiles = false;
  let completionDefaults: readonly string[] = [];

  const publisher = new DiagnosticsPublisher(
    async (uri) => {
      const document = documents.get(uri);
      return document && { version: document.version, diagnostics: await service.diagnostics(document) };
    },
    (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
    DIAGNOSTICS_DELAY_MS,
  );
  const checkAll = () => documents.all().forEach((document) => publisher.schedule(document.uri, true));

  async function refreshSettings(pushed?: unknown): Promise<void> {
    const section = canPullConfiguration ? await connection.workspace.getConfiguration("unitsmith") : pushed;
    const { settings, problems } = validateSettings(section);
    for (const problem of problems) logger.error(problem);
    service.configure(languageSettings(settings, targetOf(settings)));
    checkAll();
  }
  const refresh = (pushed?: unknown) => refreshSettings(pushed).catch((error) => logger.error(`reading settings failed: ${String(error)}`));

  const fileCommands = unitFileCommands(documents, service, host, logger);
  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canRegisterConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    completionDefaults = params.capabilities.textDocument?.completion?.completionList?.itemDefaults ?? [];
    const options = params.initializationOptions as { [K in keyof InitializationOptions]?: unknown } | undefined;
    service.configure({
      client: clientFeaturesOf(params.capabilities),
      stateInLens: false,
      ...(options?.snippets !== false && { snippets: bundledSnippets }),
    });
    return {
      capabilities: serverCapabilities(fileCommands.commands),
      serverInfo: { name: "unitsmith-language-server (browser)", version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    registerNotifications(connection, { configuration: canPullConfiguration && canRegisterConfiguration, watchedFiles: canWatchFiles });
    void refresh().then(() => logger.info(`Unitsmith ${SERVER_VERSION} in a web worker: authoring features only, no process, no disk`));
  });
  connection.onDidChangeConfiguration((change) => void refresh((change.settings as { unitsmith?: unknown } | undefined)?.unitsmith));
  connection.onDidChangeWatchedFiles(({ changes }) => {
    host.invalidate();
    if (changes.some((change) => change.uri.endsWith(`/${PROJECT_FILE}`))) checkAll();
  });
  connection.onExecuteCommand(({ command, arguments: args }) =>
    fileCommands.commands.includes(command) ? fileCommands.execute(command, args?.[0]) : undefined,
  );

  documents.onDidOpen(({ document }) => publisher.schedule(document.uri, true));
  documents.onDidChangeContent(({ document }) => publisher.schedule(document.uri));
  documents.onDidClose(({ document }) => {
    publisher.forget(document.uri);
    service.forget(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });
  registerFeatureHandlers(connection, documents, service, logger, () => completionDefaults);
  documents.listen(connection);
  connection.listen();
}

startBrowserServer();
