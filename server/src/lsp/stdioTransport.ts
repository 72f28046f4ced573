import { format } from "node:util";
import * as languageServer from "vscode-languageserver/node";
import type { Message, MessageWriter } from "vscode-languageserver/node";
import { messageFrame } from "./publicationJson";

/**
 * Writes each message as one frame, its header and its JSON in a single write. The library's own
 * writer sends the header, waits for it to be flushed and then sends the JSON: two system calls a
 * message, and a client that wakes up twice for each answer. A publication's diagnostics are
 * written from the JSON kept of each (publicationJson.ts).
 */
export class FrameWriter extends languageServer.AbstractMessageWriter implements MessageWriter {
  private failures = 0;

  constructor(private readonly out: NodeJS.WritableStream) {
    super();
    out.on("error", (error: Error) => this.fireError(error));
    out.on("close", () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    return new Promise((resolve, reject) => {
      this.out.write(messageFrame(message), (error) => {
        if (!error) return resolve();
        this.fireError(error, message, ++this.failures);
        reject(error);
      });
    });
  }

  end(): void {
    this.out.end();
  }
}

/**
 * The connection over stdin and stdout, answered through a FrameWriter. Given stdin itself, the
 * library still ends the server when the client closes it; what the library does for `--stdio`
 * beside that, sending console output to the client rather than into the protocol's stream, is
 * done here.
 */
export function stdioConnection(): languageServer.Connection {
  const writer = new FrameWriter(process.stdout);
  // The library takes a MessageWriter where its signature says a stream; it tells them apart at run time.
  const connection = languageServer.createConnection(
    languageServer.ProposedFeatures.all,
    process.stdin,
    writer as unknown as NodeJS.WritableStream,
  );
  const say =
    (send: (message: string) => void) =>
    (...args: unknown[]) =>
      send(format(...args));
  console.log = say((message) => connection.console.log(message));
  console.info = say((message) => connection.console.info(message));
  console.warn = say((message) => connection.console.warn(message));
  console.error = say((message) => connection.console.error(message));
  console.debug = say((message) => connection.console.log(message));
  return connection;
}
