import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { AnalysisCache } from "./analysisCache";
import { DiagnosticsPublisher } from "./diagnosticsPublisher";
import { guarded, type Logger } from "./handlerGuard";
import { diagnose } from "./language/analysis";
import type { TargetSystemd } from "./language/rules/rule";
import { mergeDiagnostics } from "./language/mergeDiagnostics";
import { ADD_INSTALL_SECTION_KIND, codeActions } from "./language/codeActions";
import { semanticTokensLegend } from "./language/semanticTokens";
import { registerDocumentFeatures } from "./handlers/documentFeatures";
import { registerIntellisense } from "./handlers/intellisense";
import type { ClientPreferences, ServerContext } from "./serverContext";
import { MachineKnowledge } from "./workspace/intellisense";
import { UnitStates } from "./workspace/unitStates";
import { showManPage } from "./workspace/manPageCommand";
import { defaultSettings, validateSettings, type Settings } from "./settings/settings";
import { createManPageLibrary } from "./systemd/manPages";
import { TargetResolver } from "./targetSystemd";
import { VerifyOnSave } from "./verifyOnSave";
import { VersionedDiagnostics } from "./versionedDiagnostics";
import { registerOperations } from "./operations/commands";
import { COMMAND_IDS, COMMANDS, SHOW_MAN_PAGE } from "./protocol/commands";
import { TRUST_CHANGED, type TrustChangedParams } from "./protocol/notifications";
import { createOperationContext, markUnitFilesChanged } from "./operations/context";
import { securityCodeActions } from "./operations/securityFindings";
import { documentPath } from "./documentPath";
import { unitKind } from "./language/unitKind";
import { SERVER_VERSION } from "./version";

const DIAGNOSTICS_DELAY_MS = 150;

export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const cache = new AnalysisCache();
  const logger: Logger = {
    error: (message) => connection.console.error(message),
    info: (message) => connection.console.info(message),
  };
  let settings: Settings = defaultSettings;
  let canPullConfiguration = false;
  let canRegisterConfiguration = false;
  // Editors without a notion of workspace trust run processes; VS Code says whether it trusts the workspace.
  let trusted = true;
  let target: TargetSystemd = {};
  const targets = new TargetResolver();
  // Reads nothing until the first hover on a directive.
  const manPages = createManPageLibrary();
  const unitStates = new UnitStates(() => trusted);
  let machine = new MachineKnowledge();
  let preferences: ClientPreferences = { offerSnippets: true, manPageLinks: "web" };
  let canWatchFiles = false;

  const analysisOf = (uri: string) => {
    const document = documents.get(uri);
    return document && cache.get(document, settings.maxFileSizeKB);
  };

  const publisher = new DiagnosticsPublisher(
    (uri) => {
      const document = documents.get(uri);
      if (!document) return undefined;
      try {
        const analysis = cache.get(document, settings.maxFileSizeKB);
        const own = diagnose(analysis, { severities: settings.lint, target, siblingUnits: machine.siblingUnits(documentPath(uri)) });
        const outside = [...verifier.diagnosticsFor(document), ...security.get(document)];
        return { version: document.version, diagnostics: mergeDiagnostics(own, outside) };
      } catch (error) {
        logger.error(`diagnostics for ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
        return { version: document.version, diagnostics: [] };
      }
    },
    (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
    DIAGNOSTICS_DELAY_MS,
  );

  const operations = createOperationContext({ policy: { isTrusted: () => trusted } });
  // Findings of the last security analysis of each document, shown until it changes.
  const security = new VersionedDiagnostics();
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
    target = await targets.resolve(settings, trusted);
    for (const document of documents.all()) publisher.schedule(document.uri, true);
  }

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canRegisterConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    const options = params.initializationOptions as { trusted?: unknown; snippets?: unknown; manPageLinks?: unknown } | undefined;
    if (typeof options?.trusted === "boolean") trusted = options.trusted;
    preferences = { offerSnippets: options?.snippets !== false, manPageLinks: options?.manPageLinks === "document" ? "document" : "web" };
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const folders = params.workspaceFolders?.map((f) => documentPath(f.uri)) ?? (params.rootUri ? [documentPath(params.rootUri)] : []);
    machine = new MachineKnowledge({ workspaceFolders: folders, stateOf: (scope, name) => unitStates.get(scope, name) });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        documentSymbolProvider: { label: "Unitsmith" },
        completionProvider: { triggerCharacters: ["[", "=", "%", " ", "/"], resolveProvider: true },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentLinkProvider: { resolveProvider: false },
        selectionRangeProvider: true,
        inlayHintProvider: true,
        semanticTokensProvider: { legend: semanticTokensLegend, full: true },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, ADD_INSTALL_SECTION_KIND] },
        executeCommandProvider: { commands: [...COMMAND_IDS, SHOW_MAN_PAGE] },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
      },
      serverInfo: { name: "unitsmith-language-server", version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration && canRegisterConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: "unitsmith" });
    }
    if (canWatchFiles) {
      const globPattern = "**/*.{service,socket,device,mount,automount,swap,target,path,timer,slice,scope,conf}";
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern }] });
    }
    refreshSettings().catch((error) => logger.error(`reading settings failed: ${String(error)}`));
  });

  connection.onNotification(TRUST_CHANGED, (params: Partial<TrustChangedParams> | undefined) => {
    if (typeof params?.trusted !== "boolean" || params.trusted === trusted) return;
    trusted = params.trusted;
    refreshSettings().catch((error) => logger.error(`reading settings failed: ${String(error)}`));
  });

  connection.onDidChangeWatchedFiles(() => machine.index.invalidate());

  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { unitsmith?: unknown } | undefined)?.unitsmith;
    refreshSettings(pushed).catch((error) => logger.error(`reading settings failed: ${String(error)}`));
  });

  documents.onDidOpen(({ document }) => publisher.schedule(document.uri, true));
  documents.onDidChangeContent(({ document }) => {
    verifier.forget(document.uri);
    security.delete(document.uri);
    publisher.schedule(document.uri);
  });
  documents.onDidSave(({ document }) => {
    // A changed unit file needs a daemon-reload before systemd acts on it again.
    const scope = unitKind(documentPath(document.uri)).scope;
    if (scope) markUnitFilesChanged(operations, scope);
    // An untrusted workspace runs no process at all.
    if (trusted) void verifier.saved(document, settings).catch((error) => logger.error(`verify failed: ${String(error)}`));
  });
  documents.onDidClose(({ document }) => {
    verifier.forget(document.uri);
    publisher.cancel(document.uri);
    cache.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  const context: ServerContext = {
    connection,
    documents,
    logger,
    manPages,
    analysisOf,
    settings: () => settings,
    target: () => target,
    machine: () => machine,
    preferences: () => preferences,
  };
  registerDocumentFeatures(context);
  registerIntellisense(context);

  // registerOperations answers workspace/executeCommand; the man page command goes in front of it.
  const commands = {
    onExecuteCommand: (handler: Parameters<typeof connection.onExecuteCommand>[0]) =>
      connection.onExecuteCommand((params, token, ...rest) =>
        params.command === SHOW_MAN_PAGE ? showManPage(manPages, params.arguments?.[0]) : handler(params, token, ...rest),
      ),
  };
  registerOperations(commands, {
    context: operations,
    logger,
    onAnswer: (command, args, answer) => {
      const uri = (args as { uri?: unknown } | undefined)?.uri;
      const document = typeof uri === "string" ? documents.get(uri) : undefined;
      if (command !== COMMANDS.security || !answer.ok || !document || !("diagnostics" in answer)) return;
      security.set(document.uri, document.version, answer.diagnostics);
      publisher.schedule(document.uri, true);
    },
  });

  connection.onCodeAction(
    guarded("codeAction", [], logger, ({ textDocument, context: request }) => {
      const analysis = analysisOf(textDocument.uri);
      if (!analysis?.file) return [];
      const { uri } = textDocument;
      return [
        ...securityCodeActions(uri, analysis.file, request.diagnostics),
        ...codeActions(analysis.file, analysis.kind, request.diagnostics, uri, request.only),
      ];
    }),
  );

  documents.listen(connection);
  connection.listen();
}
