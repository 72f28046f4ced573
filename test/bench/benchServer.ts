import { spawn, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";

/** What VS Code says it can take, as far as either server reads it: the editor most requests come from. */
const VSCODE_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    completion: {
      completionItem: { snippetSupport: true, documentationFormat: ["markdown", "plaintext"], labelDetailsSupport: true },
      completionList: { itemDefaults: ["commitCharacters", "editRange", "insertTextFormat", "insertTextMode", "data"] },
    },
    hover: { contentFormat: ["markdown", "plaintext"] },
  },
};

/** A server under measurement (Unitsmith's bundle or the bare one) over stdio. */
export class BenchServer {
  private readonly published = new Map<string, (p: PublishDiagnosticsParams) => void>();

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    /** From spawning the process to the initialize reply. */
    readonly coldStartMs: number,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => this.published.get(p.uri)?.(p));
  }

  static async start(bundle: string, workspaceFolder?: string): Promise<BenchServer> {
    const start = performance.now();
    const child = spawn(process.execPath, [bundle, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: workspaceFolder ? pathToFileURL(workspaceFolder).href : null,
      capabilities: VSCODE_CAPABILITIES,
      initializationOptions: { trusted: false },
    });
    const server = new BenchServer(child, connection, performance.now() - start);
    await connection.sendNotification(InitializedNotification.type, {});
    return server;
  }

  /** Resolves with the next diagnostics published for `uri` that satisfy `accept`. */
  nextDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) =>
      this.published.set(uri, (p) => {
        if (!accept(p)) return;
        this.published.delete(uri);
        resolve(p);
      }),
    );
  }

  /** Opens a document and, unless told not to, waits for its first diagnostics. */
  async open(path: string, text: string, waitForDiagnostics = true): Promise<string> {
    const uri = pathToFileURL(path).href;
    const published = waitForDiagnostics && this.nextDiagnostics(uri);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: "systemd-unit", version: 1, text },
    });
    await published;
    return uri;
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.process.once("exit", resolve));
    await this.connection.sendRequest("shutdown");
    await this.connection.sendNotification("exit");
    await exited;
    this.connection.dispose();
  }
}
