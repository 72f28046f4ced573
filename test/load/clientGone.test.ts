import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { describe, it } from "node:test";
import { LspSession, SERVER_BIN } from "../protocol/lspClient";
import { isRunning } from "./serverProcess";

// Generous, for a loaded shared machine; the measured time is printed.
const DEADLINE_MS = 5000;

async function exitTime(pid: number, since: number): Promise<number> {
  while (isRunning(pid)) {
    if (performance.now() - since > DEADLINE_MS) return Infinity;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return performance.now() - since;
}

describe("the client goes away (built server over stdio)", () => {
  it("standard input closed: the server exits", async () => {
    const { session } = await LspSession.start();
    await session.open("/tmp/gone/a.service", "[Unit]\n");
    const start = performance.now();
    session.process.stdin!.end();
    const ms = await exitTime(session.process.pid!, start);
    assert.ok(ms < DEADLINE_MS, "the server is still running");
    console.log(`stdin closed → server exited in ${ms.toFixed(0)} ms`);
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
    const start = performance.now();
    client.kill("SIGKILL");
    const ms = await exitTime(serverPid, start);
    if (!Number.isFinite(ms)) process.kill(serverPid, "SIGKILL");
    assert.ok(ms < DEADLINE_MS, "the server outlived its client");
    console.log(`client killed → server exited in ${ms.toFixed(0)} ms`);
  });
});
