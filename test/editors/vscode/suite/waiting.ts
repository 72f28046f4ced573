import * as vscode from "vscode";

/**
 * Resolves with the diagnostics of `uri` the first time a change to them satisfies `accept`.
 * Subscribe before the action that publishes them (opening, editing, saving), or the event may
 * already have fired.
 */
export function diagnosticsWhere(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      const last = JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => `${d.source}: ${d.message}`));
      reject(new Error(`${what} for ${uri.path}: not within ${timeoutMs / 1000} s (last: ${last})`));
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(diagnostics);
    });
  });
}

/** Resolves with the diagnostics of `uri` the first time they are published non-empty. */
export function nextDiagnostics(uri: vscode.Uri, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  return diagnosticsWhere(uri, (diagnostics) => diagnostics.length > 0, "diagnostics", timeoutMs);
}

/**
 * Resolves once `condition` holds, checking every 50 ms, for states the API has no event for
 * (an extension becoming active).
 */
export async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves with the first answer of `find` that is not undefined, asking every 100 ms (it may ask the language server). */
export async function untilFound<T>(find: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
