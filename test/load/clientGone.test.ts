import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { describe, it } from "node:test";
import { LspSession, SERVER_BIN } from "../protocol/lspClient";
import { isRunning, survivorsOf } from "../../server/test/systemd/liveProcesses";

describe("the client goes away (built server over stdio)", () => {
  it("standard input closed: the server exits", async () => {
    const { session } = await LspSession.start();
    await session.open("/tmp/gone/a.service", "[Unit]\n");
    assert.ok(isRunning(session.process.pid!));
    session.process.stdin!.end();
    assert.deepEqual(await survivorsOf([session.process.pid!]), [], "the server is still running");
  });

  it("the client process killed: its server exits", async () => {
    // A client of its own that starts the server, initializes it, prints the server's pid and waits.
    const client = spawn(
      process.execPath,
      [
        "-e",
        `const { spawn } = require("node:child_process");
         const server = spawn(process.execPath, [${JSON.stringify(SERVER_BIN)}, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
         const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } });
         server.stdin.write("Content-Length: " + Buffer.byteLength(body) + "\\r\\n\\r\\n" + body);
         server.stdout.once("data", () => console.log(server.pid));
         setInterval(() => {}, 1000);`,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    const serverPid = await new Promise<number>((resolve) => client.stdout.once("data", (chunk) => resolve(Number(String(chunk).trim()))));
    assert.ok(isRunning(serverPid));
    client.kill("SIGKILL");
    assert.deepEqual(await survivorsOf([serverPid]), [], "the server outlived its client");
  });
});
