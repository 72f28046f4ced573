import {
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
import { foldingRanges } from "./language/folding";
import { formattingEdits } from "./language/formatting";
import { documentSymbols } from "./language/symbols";
import { defaultSettings, validateSettings, type Settings } from "./settings/settings";
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

  const analysisOf = (uri: string) => {
    const document = documents.get(uri);
    return document && cache.get(document, settings.maxFileSizeKB);
  };

  const publisher = new DiagnosticsPublisher(
    (uri) => {
      const document = documents.get(uri);
      if (!document) return undefined;
      try {
        return { version: document.version, diagnostics: diagnose(cache.get(document, settings.maxFileSizeKB), { severities: settings.lint }) };
      } catch (error) {
        logger.error(`diagnostics for ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
        return { version: document.version, diagnostics: [] };
      }
    },
    (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
    DIAGNOSTICS_DELAY_MS,
  );

  async function refreshSettings(pushed?: unknown): Promise<void> {
    const section = canPullConfiguration ? await connection.workspace.getConfiguration("unitsmith") : pushed;
    const { settings: next, problems } = validateSettings(section);
    for (const problem of problems) logger.error(problem);
    settings = next;
    for (const document of documents.all()) publisher.schedule(document.uri, true);
  }

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        documentSymbolProvider: { label: "Unitsmith" },
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
      },
      serverInfo: { name: "unitsmith-language-server", version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: "unitsmith" });
      refreshSettings().catch((error) => logger.error(`reading settings failed: ${String(error)}`));
    }
  });

  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { unitsmith?: unknown } | undefined)?.unitsmith;
    refreshSettings(pushed).catch((error) => logger.error(`reading settings failed: ${String(error)}`));
  });

  documents.onDidOpen(({ document }) => publisher.schedule(document.uri, true));
  documents.onDidChangeContent(({ document }) => publisher.schedule(document.uri));
  documents.onDidClose(({ document }) => {
    publisher.cancel(document.uri);
    cache.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

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

  documents.listen(connection);
  connection.listen();
}
