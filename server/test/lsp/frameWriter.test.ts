import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { test } from "node:test";
import { StreamMessageReader, type Message } from "vscode-languageserver/node";
import { FrameWriter } from "../../src/lsp/stdioTransport";

/** Everything written to `out`, as the chunks the stream was handed. */
function chunksOf(out: PassThrough): Buffer[] {
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  return chunks;
}

const messages: Message[] = [
  { jsonrpc: "2.0", id: 1, result: null } as Message,
  { jsonrpc: "2.0", method: "window/logMessage", params: { type: 3, message: "Größe ≥ 10 µs, 日本語, 😀" } } as Message,
  { jsonrpc: "2.0", id: 2, result: { items: Array.from({ length: 500 }, (_, i) => ({ label: `Item${i}` })) } } as Message,
];

test("each message is one write of its header and JSON, and a reader gets every message back in order", async () => {
  const out = new PassThrough();
  const chunks = chunksOf(out);
  const writer = new FrameWriter(out);
  for (const message of messages) await writer.write(message);
  assert.equal(chunks.length, messages.length);

  const read: Message[] = [];
  const reader = new StreamMessageReader(out);
  const all = new Promise<void>((resolve) =>
    reader.listen((message) => {
      read.push(message);
      if (read.length === messages.length) resolve();
    }),
  );
  out.write(Buffer.concat(chunks));
  await all;
  assert.deepEqual(read, messages);
});

test("the header counts bytes, not characters", async () => {
  const out = new PassThrough();
  const chunks = chunksOf(out);
  await new FrameWriter(out).write(messages[1]!);
  const frame = Buffer.concat(chunks).toString("utf8");
  const [header, json] = frame.split("\r\n\r\n") as [string, string];
  assert.equal(header, `Content-Length: ${Buffer.byteLength(json)}`);
  assert.notEqual(Buffer.byteLength(json), json.length);
});

test("a failed write rejects and is reported as the writer's error", async () => {
  const out = new PassThrough();
  const writer = new FrameWriter(out);
  const reported: Error[] = [];
  writer.onError(([error]) => reported.push(error));
  out.destroy();
  await assert.rejects(writer.write(messages[0]!));
  assert.ok(reported.length >= 1);
});
