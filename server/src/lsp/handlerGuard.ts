import { ResponseError, type CancellationToken } from "vscode-languageserver";
import type { Logger } from "./logger";

/**
 * Wraps a request handler so that one bad document never takes the server down: an exception is
 * logged and a cancelled request or a failure answers with the fallback; a ResponseError goes to the client.
 */
export function guarded<P, R>(
  name: string,
  fallback: R,
  logger: Logger,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    if (token.isCancellationRequested) return fallback;
    // A cancelled request is answered at once, even while its handler is still waiting on I/O.
    let stopWaiting: { dispose(): void } | undefined;
    const cancelled = new Promise<R>((resolve) => {
      stopWaiting = token.onCancellationRequested(() => resolve(fallback));
    });
    try {
      const result = await Promise.race([Promise.resolve(handler(params, token)), cancelled]);
      return token.isCancellationRequested ? fallback : result;
    } catch (error) {
      // A refusal with a message for the user is the answer, not a failure.
      if (error instanceof ResponseError) throw error;
      logger.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    } finally {
      stopWaiting?.dispose();
    }
  };
}
