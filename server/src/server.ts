import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
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
import { completions } from "./language/completion";
import { hover } from "./language/hover";
import type { TargetSystemd } from "./language/rules/rule";
import { foldingRanges } from "./language/folding";
import { mergeDiagnostics } from "./language/mergeDiagnostics";
import { formattingEdits } from "./language/formatting";
import { documentSymbols } from "./language/symbols";
import { defaultSettings, validateSettings, type Settings } from "./settings/settings";
import { createManPageLibrary } from "./systemd/manPages";
import { withManPage } from "./manPageHover";
import { TargetResolver } from "./targetSystemd";
import { VerifyOnSave } from "./verifyOnSave";
import { VersionedDiagnostics } from "./versionedDiagnostics";
import { COMMAND_IDS, COMMANDS, registerOperations } from "./operations/commands";
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
  // Editors without a notion of workspace trust run processes; VS Code says whether it trusts the workspace.
  let trusted = true;
  let target: TargetSystemd = {};
  const targets = new TargetResolver();
  // Reads nothing until the first hover on a directive.
  const manPages = createManPageLibrary();

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
        const own = diagnose(analysis, { severities: settings.lint, target });
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
    const options = params.initializationOptions as { trusted?: unknown } | undefined;
    if (typeof options?.trusted === "boolean") trusted = options.trusted;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        documentSymbolProvider: { label: "Unitsmith" },
        completionProvider: { triggerCharacters: ["[", "=", "%", " "] },
        hoverProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        executeCommandProvider: { commands: [...COMMAND_IDS] },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
      },
      serverInfo: { name: "unitsmith-language-server", version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: "unitsmith" });
    refreshSettings().catch((error) => logger.error(`reading settings failed: ${String(error)}`));
  });

  connection.onNotification("unitsmith/trustChanged", (params: { trusted?: unknown }) => {
    if (typeof params?.trusted !== "boolean" || params.trusted === trusted) return;
    trusted = params.trusted;
    refreshSettings().catch((error) => logger.error(`reading settings failed: ${String(error)}`));
  });

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

  connection.onCompletion(
    guarded("completion", [], logger, ({ textDocument, position }) => {
      const analysis = analysisOf(textDocument.uri);
      return analysis?.file ? completions({ file: analysis.file, kind: analysis.kind, position, target }) : [];
    }),
  );

  connection.onHover(
    guarded("hover", null, logger, async ({ textDocument, position }) => {
      const analysis = analysisOf(textDocument.uri);
      const result = analysis?.file && hover({ file: analysis.file, kind: analysis.kind, position, target });
      if (!result) return null;
      return result.directive ? withManPage(result.hover, result.directive, manPages) : result.hover;
    }),
  );

  connection.onDocumentSymbol(
    guarded("documentSymbol", [], logger, ({ textDocument }) => {
      const file = analysisOf(textDocument.uri)?.file;
      return file ? documentSymbols(file) : [];
    }),
  );

  connection.onFoldingRanges(
    guarded("foldingRange", [], logger, ({ textDocument }) => {
      const file = analysisOf(textDocument.uri)?.file;
      return file ? foldingRanges(file) : [];
    }),
  );

  connection.onDocumentFormatting(
    guarded("formatting", [], logger, ({ textDocument }) => {
      const file = analysisOf(textDocument.uri)?.file;
      return file ? formattingEdits(file, settings.format) : [];
    }),
  );

  connection.onDocumentRangeFormatting(
    guarded("rangeFormatting", [], logger, ({ textDocument, range }) => {
      const file = analysisOf(textDocument.uri)?.file;
      return file ? formattingEdits(file, settings.format, range) : [];
    }),
  );

  registerOperations(connection, {
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
    guarded("codeAction", [], logger, ({ textDocument, context }) => {
      const file = analysisOf(textDocument.uri)?.file;
      return file ? securityCodeActions(textDocument.uri, file, context.diagnostics) : [];
    }),
  );

  documents.listen(connection);
  connection.listen();
}
