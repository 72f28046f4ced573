import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";

export const SERVER_BIN = join(__dirname, "../../server/bin/unitsmith-language-server.js");

export interface SessionOptions {
  /** The server's environment instead of this process's (PATH with fake tools first, MANPATH, ...). */
  env?: NodeJS.ProcessEnv;
  /**
   * The `unitsmith` settings section. When given, the client says it supports workspace/configuration
   * and answers the server's configuration requests with it.
   */
  settings?: unknown;
  /** The server's working directory. */
  cwd?: string;
  /** The server's bin script, when not the one built in this checkout (an installed package's). */
  serverBin?: string;
  /**
   * The argv that runs node, when not this process's node: a prefix that enters a container with
   * the container's own copy of node. The server then cannot see this process, so the client gives
   * it no process id to watch.
   */
  node?: readonly string[];
  /** Folders open in the editor, for the workspace's units. */
  workspaceFolders?: string[];
  /** What the client says it can show; by default what VS Code says (Markdown, snippets, label details). */
  textDocument?: ClientCapabilities["textDocument"];
}

/** The text document capabilities of a rich client such as VS Code, as far as the server reads them. */
export const RICH_CLIENT: ClientCapabilities["textDocument"] = {
  completion: { completionItem: { snippetSupport: true, documentationFormat: ["markdown", "plaintext"], labelDetailsSupport: true } },
  hover: { contentFormat: ["markdown", "plaintext"] },
};

/** The built server, spawned over stdio, with a real JSON-RPC connection to it. */
export class LspSession {
  readonly connection: ProtocolConnection;
  readonly stderr: string[] = [];
  /** Messages the server logged through window/logMessage. */
  readonly logs: string[] = [];
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: (() => void)[] = [];

  private constructor(
    readonly process: ChildProcess,
    private readonly settings: unknown,
  ) {
    this.connection = createProtocolConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
    process.stderr!.on("data", (chunk) => this.stderr.push(String(chunk)));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, [...(this.diagnostics.get(params.uri) ?? []), params]);
      this.wake();
    });
    this.connection.onNotification(LogMessageNotification.type, ({ message }) => {
      this.logs.push(message);
      this.wake();
    });
    this.connection.onRequest("workspace/configuration", (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.onRequest("client/registerCapability", () => null);
    this.connection.listen();
  }

  static async start(
    initializationOptions?: unknown,
    options: SessionOptions = {},
  ): Promise<{ session: LspSession; result: InitializeResult }> {
    const [node = process.execPath, ...nodeArgs] = options.node ?? [];
    const child = spawn(node, [...nodeArgs, options.serverBin ?? SERVER_BIN, "--stdio"], {
      stdio: ["pipe", "pipe", "pipe"],
      ...(options.env && { env: options.env }),
      ...(options.cwd && { cwd: options.cwd }),
    });
    const session = new LspSession(child, options.settings);
    const result = await session.connection.sendRequest(InitializeRequest.type, {
      processId: options.node ? null : process.pid,
      rootUri: null,
      workspaceFolders: options.workspaceFolders?.map((folder) => ({ uri: pathToFileURL(folder).href, name: folder })) ?? null,
      capabilities: {
        textDocument: options.textDocument ?? RICH_CLIENT,
        ...(options.settings !== undefined && { workspace: { configuration: true } }),
      },
      initializationOptions,
    });
    await session.connection.sendNotification(InitializedNotification.type, {});
    return { session, result };
  }

  async open(path: string, text: string, version = 1, languageId = "systemd-unit"): Promise<string> {
    const uri = pathToFileURL(path).href;
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
    return uri;
  }

  /** Resolves with the first diagnostics published for `uri` that satisfy `accept`. */
  diagnosticsFor(
    uri: string,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<PublishDiagnosticsParams> {
    return this.until(
      () => this.diagnostics.get(uri)?.find(accept),
      timeoutMs,
      () => `no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr.join("")}`,
    );
  }

  /** Resolves once the server has logged a message that satisfies `accept`. */
  logged(accept: (message: string) => boolean, timeoutMs = 10_000): Promise<string> {
    return this.until(
      () => this.logs.find(accept),
      timeoutMs,
      () => `no matching log message within ${timeoutMs} ms; logs: ${this.logs.join("\n")}`,
    );
  }

  /** Resolves with what `probe` finds, asking again whenever the server publishes diagnostics or logs. */
  async until<T>(probe: () => T | undefined, timeoutMs: number, failure: () => string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = probe();
      if (found !== undefined) return found;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(failure());
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private wake(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Every publication for `uri` so far, oldest first. */
  allDiagnostics(uri: string): PublishDiagnosticsParams[] {
    return this.diagnostics.get(uri) ?? [];
  }

  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once("exit", (code) => resolve(code)));
    await this.connection.sendRequest("shutdown");
    await this.connection.sendNotification("exit");
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}
