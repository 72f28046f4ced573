import { join } from "node:path";
import * as languageServer from "vscode-languageserver/node";
import type { InitializeParams, InitializeResult } from "vscode-languageserver/node";
import { COMMAND_IDS, SHOW_MAN_PAGE, UNIT_FILE_COMMANDS } from "../protocol/commands";
import { SERVER_VERSION } from "../version";
import { serverCapabilities } from "./capabilities";
import type { Session } from "./session";
import { stdioConnection } from "./stdioTransport";

/** The session's own bundle, beside this one (built from ./session.ts). */
const SESSION_BUNDLE = "serverSession.js";

/**
 * The Node language server. Its initialize reply says only what the server can do, so it goes out
 * before the language service and its knowledge base are loaded (most of a cold start). The
 * session's bundle loads when the client says it has the reply (`initialized`, before any other
 * message), and uses this bundle's copy of the language-server library (one connection, one
 * ResponseError class).
 */
export function startServer(): void {
  const connection = process.argv.includes("--stdio")
    ? stdioConnection()
    : languageServer.createConnection(languageServer.ProposedFeatures.all);
  let params: InitializeParams | undefined;
  let session: Session | undefined;
  const started = (): Session | undefined => {
    if (session || !params) return session;
    const shared = { "vscode-languageserver": languageServer, "vscode-languageserver/node": languageServer };
    // Required here, so that they and their Node modules (vm) load after the reply: the
    // heap's flags make the start's garbage collections more frequent, and the session's code
    // cache is made under them.
    require("../startup/heapGrowth");
    const { runBundle } = require("../startup/codeCache") as typeof import("../startup/codeCache");
    const { startSession } = runBundle(join(__dirname, SESSION_BUNDLE), { provided: shared }) as typeof import("./session");
    return (session = startSession(connection, params));
  };

  connection.onInitialize((initialize): InitializeResult => {
    params = initialize;
    // The client's `initialized` starts it; a client that skips that notification (the protocol
    // requires it) still gets a session a moment later.
    setTimeout(started, 1_000);
    return {
      capabilities: serverCapabilities([...COMMAND_IDS, SHOW_MAN_PAGE, ...UNIT_FILE_COMMANDS]),
      serverInfo: { name: "unitsmith-language-server", version: SERVER_VERSION },
    };
  });
  connection.onInitialized(() => started()?.initialized());
  connection.listen();
}
