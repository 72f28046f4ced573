import type { Diagnostic } from "vscode-languageserver";

/** Publishes diagnostics after typing pauses; the last version of a document always wins. */
export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly compute: (uri: string) => { version: number; diagnostics: Diagnostic[] } | undefined,
    private readonly publish: (uri: string, version: number, diagnostics: Diagnostic[]) => void,
    private readonly delayMs: number,
  ) {}

  schedule(uri: string, immediately = false): void {
    this.cancel(uri);
    if (immediately) {
      this.run(uri);
      return;
    }
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.run(uri);
      }, this.delayMs),
    );
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  private run(uri: string): void {
    const result = this.compute(uri);
    if (result) this.publish(uri, result.version, result.diagnostics);
  }
}
