#!/usr/bin/env node
// Stands between an editor and the language server and writes down what passes: the editor starts
// this program as if it were the server, this program starts the real server (argv, no shell) and
// copies stdin to it and its stdout back, byte for byte, while appending every JSON-RPC message to
// a log, one JSON object a line: {"at": ms since start, "from": "client" | "server", "message": {...}}.
// A frame that is not valid JSON is logged as {"at", "from", "unparsed": "<text>"}.
//
// Environment: UNITSMITH_SERVER (the server's .js file, required), UNITSMITH_LSP_LOG (the log file,
// required). Its own arguments (`--stdio`) are passed on to the server. Plain CommonJS so that a copy
// without a file extension runs under plain node.
"use strict";

const { Buffer } = require("node:buffer");
const { spawn } = require("node:child_process");
const { appendFileSync } = require("node:fs");

const server = process.env.UNITSMITH_SERVER;
const log = process.env.UNITSMITH_LSP_LOG;
if (!server || !log) {
  process.stderr.write("lspRecorder: UNITSMITH_SERVER and UNITSMITH_LSP_LOG must both be set\n");
  process.exit(2);
}

const started = Date.now();

/** Appends one line to the log; a log that cannot be written must not break the editor's session. */
function record(entry) {
  try {
    appendFileSync(log, JSON.stringify({ at: Date.now() - started, ...entry }) + "\n");
  } catch (error) {
    process.stderr.write(`lspRecorder: cannot write ${log}: ${error.message}\n`);
  }
}

/** Splits a byte stream into LSP frames (Content-Length headers, then the body) and records each body. */
function frameReader(from) {
  let pending = Buffer.alloc(0);
  return (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    for (;;) {
      const headerEnd = pending.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const match = /content-length:\s*(\d+)/i.exec(pending.subarray(0, headerEnd).toString("ascii"));
      if (!match) {
        // Not a frame this reader understands: record the rest as it is and start again.
        record({ from, unparsed: pending.toString("utf8") });
        pending = Buffer.alloc(0);
        return;
      }
      const bodyStart = headerEnd + 4;
      const bodyEnd = bodyStart + Number(match[1]);
      if (pending.length < bodyEnd) return;
      const body = pending.subarray(bodyStart, bodyEnd).toString("utf8");
      pending = pending.subarray(bodyEnd);
      try {
        record({ from, message: JSON.parse(body) });
      } catch {
        record({ from, unparsed: body });
      }
    }
  };
}

const child = spawn(process.execPath, [server, ...process.argv.slice(2)], { stdio: ["pipe", "pipe", "inherit"] });
record({ from: "recorder", started: [process.execPath, server, ...process.argv.slice(2)] });

const fromClient = frameReader("client");
const fromServer = frameReader("server");
process.stdin.on("data", (chunk) => {
  fromClient(chunk);
  child.stdin.write(chunk);
});
process.stdin.on("end", () => child.stdin.end());
child.stdout.on("data", (chunk) => {
  fromServer(chunk);
  process.stdout.write(chunk);
});
// The editor may close the pipe first; the server's own exit decides when this program ends.
child.stdin.on("error", () => {});
process.stdout.on("error", () => {});
child.on("exit", (code, signal) => {
  record({ from: "recorder", exited: code ?? signal });
  process.exit(code ?? 1);
});
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) {
  process.on(signal, () => child.kill(signal));
}
