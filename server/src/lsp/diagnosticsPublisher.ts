import type { Diagnostic } from "vscode-languageserver";

type Computed = { version: number; diagnostics: Diagnostic[] } | undefined;

/**
 * Publishes diagnostics after typing pauses. The last version of a document always wins: a
 * computation that a newer schedule or a cancel overtook is dropped, not published.
 */
export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly compute: (uri: string) => Promise<Computed>,
    private readonly publish: (uri: string, version: number, diagnostics: Diagnostic[]) => void,
    private readonly delayMs: number,
  ) {}

  schedule(uri: string, immediately = false): void {
    this.cancel(uri);
    if (immediately) {
      void this.run(uri);
      return;
    }
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.run(uri);
      }, this.delayMs),
    );
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    this.generations.set(uri, (this.generations.get(uri) ?? 0) + 1);
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.cancel(uri);
    this.generations.delete(uri);
  }

  private async run(uri: string): Promise<void> {
    const generation = this.generations.get(uri);
    const result = await this.compute(uri);
    if (result && this.generations.get(uri) === generation) this.publish(uri, result.version, result.diagnostics);
  }
}
