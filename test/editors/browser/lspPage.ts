// Runs in the page: starts the browser build of the language server in a web worker and speaks
// LSP to it over the worker's message port with vscode-languageserver-protocol's browser
// connection. It answers the server's requests as a web editor would, from an in-memory workspace.
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  ConfigurationRequest,
  createProtocolConnection,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  type ConfigurationParams,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/browser";
import { READ_WORKSPACE_FILE, WORKSPACE_FILES, type ReadWorkspaceFileParams } from "../../../server/src/protocol";

export interface PageLsp {
  request(method: string, params: unknown): Promise<unknown>;
  notify(method: string, params: unknown): void;
  /** The last diagnostics published for a document, once some are. */
  diagnostics(uri: string): Diagnostic[] | undefined;
  /** Everything the server asked of the page, by method. */
  asked: string[];
}

declare global {
  interface Window {
    lsp: PageLsp;
    workspace: Record<string, string>;
  }
}

const worker = new Worker("/browserServer.js");
worker.addEventListener("error", (event) => console.error(`worker error: ${event.message}`));
const connection = createProtocolConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
const published = new Map<string, Diagnostic[]>();
const asked: string[] = [];

connection.onNotification(PublishDiagnosticsNotification.method, ({ uri, diagnostics }: PublishDiagnosticsParams) => {
  published.set(uri, diagnostics);
});
connection.onRequest(ConfigurationRequest.method, ({ items }: ConfigurationParams) => {
  asked.push(ConfigurationRequest.method);
  return items.map(() => ({}));
});
connection.onRequest(RegistrationRequest.method, () => {
  asked.push(RegistrationRequest.method);
});
connection.onRequest(WORKSPACE_FILES, () => {
  asked.push(WORKSPACE_FILES);
  return Object.keys(window.workspace);
});
connection.onRequest(READ_WORKSPACE_FILE, ({ uri, maxBytes }: ReadWorkspaceFileParams) => {
  asked.push(READ_WORKSPACE_FILE);
  return window.workspace[uri]?.slice(0, maxBytes) ?? null;
});
connection.listen();

window.lsp = {
  request: (method, params) => connection.sendRequest(method, params),
  notify: (method, params) => void connection.sendNotification(method, params),
  diagnostics: (uri) => published.get(uri),
  asked,
};
