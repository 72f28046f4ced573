import { join } from "node:path";
import { TextDocuments, type Connection, type InitializeParams } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { pathOfUri } from "../language/fileUri";
import { clientFeaturesOf, createUnitLanguageService } from "../language/languageService";
import { unitKind } from "../language/unitKind";
import { executeOperation, registerOperations } from "../operations/commands";
import { FailureDiagnostics } from "./failureDiagnostics";
import { createOperationContext, markUnitFilesChanged } from "../operations/context";
import { COMMANDS, SHOW_MAN_PAGE } from "../protocol/commands";
import type { InitializationOptions } from "../protocol/initialization";
import { TRUST_CHANGED, type TrustChangedParams } from "../protocol/notifications";
import { defaultSettings, validateSettings, type Settings } from "../settings/settings";
import { createManPageLibrary } from "../systemd/manPages";
import { SERVER_VERSION } from "../version";
import { bundledSnippets } from "../workspace/bundledSnippets";
import { showManPage } from "../workspace/manPageCommand";
import { createNodeHost } from "../workspace/nodeHost";
import { UnitStates } from "../workspace/unitStates";
import { DIAGNOSTICS_DELAY_MS } from "./capabilities";
import { registerNotifications } from "./notificationRegistration";
import { DiagnosticsPublisher } from "./diagnosticsPublisher";
import { languageSettings } from "./languageSettings";
import { unitFileCommands } from "./unitFileCommands";
import { registerFeatureHandlers } from "./featureHandlers";
import type { Logger } from "./logger";
import { prepareKeyPages, startLine } from "./startLine";
import { setHeapFlags } from "../startup/heapGrowth";
import { TargetResolver } from "./targetSystemd";
import { VerifyOnSave } from "./verifyOnSave";
import { VersionedDiagnostics } from "./versionedDiagnostics";
import { RULE_PAGES_URI } from "../rulePagesLocation";
import { PROJECT_FILE } from "../language/project/projectConfig";

/** What the Node server does once a client has initialized it. */
export interface Session {
  /** The client's `initialized` notification: settings are read and notifications registered. */
  initialized(): void;
}

/**
 * Everything the Node server does after its initialize reply: the language service, the
 * documents, the operations and every handler, for the client that sent `params`.
 */
export function startSession(connection: Connection, params: InitializeParams): Session {
  const documents = new TextDocuments(TextDocument);
  const logger: Logger = {
    error: (message) => connection.console.error(message),
    info: (message) => connection.console.info(message),
  };
  const can = params.capabilities;
  const canPullConfiguration = can.workspace?.configuration === true;
  const canRegisterConfiguration = can.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  const canWatchFiles = can.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  const completionDefaults = can.textDocument?.completion?.completionList?.itemDefaults ?? [];
  const options = params.initializationOptions as { [K in keyof InitializationOptions]?: unknown } | undefined;
  let settings: Settings = defaultSettings;
  // Editors without a notion of workspace trust run processes; VS Code says whether it trusts the workspace.
  let trusted = typeof options?.trusted === "boolean" ? options.trusted : true;
  const targets = new TargetResolver();
  // Reads nothing until the first hover on a directive.
  const manPages = createManPageLibrary();
  const unitStates = new UnitStates(() => trusted);
  const host = createNodeHost(manPages, {
    stateOf: (scope, name) => unitStates.get(scope, name),
    // Bundled beside this file by scripts/build.mjs.
    workerScript: join(__dirname, "hostWorker.js"),
    // The thread's start sets the young generation's growth back; the code cache wants the flags as they were.
    workerOnline: setHeapFlags,
  });
  host.setWorkspaceFolders(params.workspaceFolders?.map((f) => pathOfUri(f.uri)) ?? (params.rootUri ? [pathOfUri(params.rootUri)] : []));
  const service = createUnitLanguageService(host, { rulePages: RULE_PAGES_URI });
  service.configure({
    client: clientFeaturesOf(can),
    manPageLinks: options?.manPageLinks === "document" ? "document" : "web",
    stateInLens: options?.stateInLens !== false,
    // Editors with their own copy of the snippets (VS Code) turn the server's off.
    ...(options?.snippets !== false && { snippets: bundledSnippets }),
  });

  // Findings of the last security analysis of each document, shown until it changes.
  const security = new VersionedDiagnostics();
  const publisher = new DiagnosticsPublisher(
    async (uri) => {
      const document = documents.get(uri);
      if (!document) return undefined;
      try {
        const outside = [...verifier.diagnosticsFor(document), ...security.get(document), ...failures.get(document)];
        return { version: document.version, diagnostics: await service.diagnostics(document, outside) };
      } catch (error) {
        logger.error(`diagnostics for ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
        return { version: document.version, diagnostics: [] };
      }
    },
    (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
    DIAGNOSTICS_DELAY_MS,
  );

  const operations = createOperationContext({ policy: { isTrusted: () => trusted } });
  const failures = new FailureDiagnostics(
    (uri) => documents.get(uri),
    (args) => executeOperation(operations, COMMANDS.explainFailure, args),
    (uris) => uris.forEach((uri) => publisher.schedule(uri, true)),
  );
  const verifier = new VerifyOnSave(
    (uri) => publisher.schedule(uri, true),
    logger,
    (message) => void connection.window.showInformationMessage(message),
  );

  async function refreshSettings(pushed?: unknown): Promise<void> {
    const section = canPullConfiguration ? await connection.workspace.getConfiguration("unitsmith") : pushed;
    const { settings: next, problems } = validateSettings(section);
    for (const problem of problems) logger.error(problem);
    settings = next;
    service.configure(languageSettings(settings, await targets.resolve(settings, trusted)));
    for (const document of documents.all()) publisher.schedule(document.uri, true);
  }

  connection.onNotification(TRUST_CHANGED, (params: Partial<TrustChangedParams> | undefined) => {
    if (typeof params?.trusted !== "boolean" || params.trusted === trusted) return;
    trusted = params.trusted;
    refreshSettings().catch((error) => logger.error(`reading settings failed: ${String(error)}`));
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    host.index.filesChanged(changes.map((change) => pathOfUri(change.uri)));
    // A project file applies to every unit under it: check the open ones again.
    if (changes.some((change) => change.uri.endsWith(`/${PROJECT_FILE}`))) {
      for (const document of documents.all()) publisher.schedule(document.uri, true);
    }
  });

  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { unitsmith?: unknown } | undefined)?.unitsmith;
    refreshSettings(pushed).catch((error) => logger.error(`reading settings failed: ${String(error)}`));
  });

  documents.onDidOpen(({ document }) => publisher.schedule(document.uri, true));
  documents.onDidChangeContent(({ document }) => {
    verifier.forget(document.uri);
    security.delete(document.uri);
    failures.delete(document.uri);
    publisher.schedule(document.uri);
  });
  documents.onDidSave(({ document }) => {
    // A changed unit file needs a daemon-reload before systemd acts on it again.
    const scope = unitKind(pathOfUri(document.uri)).scope;
    if (scope) markUnitFilesChanged(operations, scope);
    // An untrusted workspace runs no process at all.
    if (trusted) void verifier.saved(document, settings).catch((error) => logger.error(`verify failed: ${String(error)}`));
  });
  documents.onDidClose(({ document }) => {
    verifier.forget(document.uri);
    publisher.forget(document.uri);
    service.forget(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  registerFeatureHandlers(connection, documents, service, logger, () => completionDefaults);
  const fileCommands = unitFileCommands(documents, service, host, logger);

  // registerOperations answers workspace/executeCommand; the commands that read files go in front of it.
  const commands = {
    onExecuteCommand: (handler: Parameters<typeof connection.onExecuteCommand>[0]) =>
      connection.onExecuteCommand((params, token, ...rest) => {
        const argument = params.arguments?.[0];
        if (params.command === SHOW_MAN_PAGE) return showManPage(manPages, argument);
        if (fileCommands.commands.includes(params.command)) return fileCommands.execute(params.command, argument);
        return handler(params, token, ...rest);
      }),
  };
  registerOperations(commands, {
    context: operations,
    logger,
    onAnswer: (command, args, answer) => {
      const uri = (args as { uri?: unknown } | undefined)?.uri;
      const document = typeof uri === "string" ? documents.get(uri) : undefined;
      failures.answered(command, args, answer).catch((error) => logger.error(`explaining a failure failed: ${String(error)}`));
      if (command !== COMMANDS.security || !answer.ok || !document || !("findings" in answer)) return;
      security.set(document.uri, document.version, answer.diagnostics);
      publisher.schedule(document.uri, true);
    },
  });

  documents.listen(connection);
  return {
    initialized() {
      registerNotifications(connection, { configuration: canPullConfiguration && canRegisterConfiguration, watchedFiles: canWatchFiles });
      refreshSettings()
        .then(async () => logger.info(await startLine(SERVER_VERSION, settings, await targets.resolve(settings, trusted), manPages)))
        .then(() => prepareKeyPages(manPages))
        .catch((error) => logger.error(`reading settings failed: ${String(error)}`));
    },
  };
}
