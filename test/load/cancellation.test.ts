import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  CancellationTokenSource,
  CompletionRequest,
  DocumentFormattingRequest,
  LSPErrorCodes,
  ResponseError,
} from "vscode-languageserver-protocol/node";
import { LspSession } from "../protocol/lspClient";

describe("cancelled requests (built server over stdio)", () => {
  let session: LspSession;

  before(async () => {
    session = (await LspSession.start({ trusted: false })).session;
  });

  after(async () => {
    assert.equal(await session.shutdown(), 0);
  });

  it("a request cancelled while the server is busy answers with the fallback or a cancellation, and the next one answers", async () => {
    // Formatting 80,000 badly spaced lines (under the size limit) keeps the server busy, so the completion and its
    // cancellation both wait in the pipe until it is done.
    const big = await session.open("/tmp/cancel/big.service", `[Service]\n${"Environment = A=1   \n".repeat(80_000)}`);
    const uri = await session.open("/tmp/cancel/small.service", "[Service]\nRestart=\n");
    const busy = session.connection.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri: big },
      options: { tabSize: 4, insertSpaces: true },
    });
    const source = new CancellationTokenSource();
    const params = { textDocument: { uri }, position: { line: 1, character: 8 } };
    const cancelled = session.connection.sendRequest(CompletionRequest.type, params, source.token).then(
      (answer) => ({ answer }),
      (error: unknown) => ({ error }),
    );
    source.cancel();
    const outcome = await cancelled;
    if ("error" in outcome) {
      assert.ok(outcome.error instanceof ResponseError && outcome.error.code === LSPErrorCodes.RequestCancelled, String(outcome.error));
    } else {
      assert.deepEqual(outcome.answer, [], "a cancelled completion answers with no items");
    }
    assert.equal((await busy)?.length, 80_000);
    const items = await session.connection.sendRequest(CompletionRequest.type, params);
    assert.ok(Array.isArray(items) && items.some((item) => item.label === "always"));
  });
});
