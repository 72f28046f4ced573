// The baseline of the bench: a bare vscode-languageserver server that answers initialize,
// completion, hover and references with trivial results and publishes empty diagnostics on every change at
// once. Whatever Unitsmith takes beyond this is its own cost.
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    completionProvider: { triggerCharacters: ["[", "=", "%", " "] },
    hoverProvider: true,
    referencesProvider: true,
  },
  serverInfo: { name: "bare-server" },
}));
connection.onCompletion(() => [{ label: "bare" }]);
connection.onHover(() => null);
connection.onReferences(() => []);
documents.onDidChangeContent(
  ({ document }) => void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] }),
);

documents.listen(connection);
connection.listen();
