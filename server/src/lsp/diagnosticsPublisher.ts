import type { Diagnostic } from "vscode-languageserver";

type Computed = { version: number; diagnostics: Diagnostic[] } | undefined;

/**
 * Publishes diagnostics as soon as analysis can keep up with the typing, and waits for a pause
 * only while keys come faster than a document's analysis takes. The last version of a document
 * always wins: a computation that a newer schedule or a cancel overtook is dropped, not published.
 */
export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generations = new Map<string, number>();
  /** How long the last analysis of each document took, and when it last changed. */
  private readonly costs = new Map<string, number>();
  private readonly changes = new Map<string, number>();

  constructor(
    private readonly compute: (uri: string) => Promise<Computed>,
    private readonly publish: (uri: string, version: number, diagnostics: Diagnostic[]) => void,
    /** The pause waited for while keys come faster than analysis. */
    private readonly delayMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  schedule(uri: string, immediately = false): void {
    this.cancel(uri);
    const at = this.now();
    const sinceChange = at - (this.changes.get(uri) ?? -Infinity);
    this.changes.set(uri, at);
    if (immediately) {
      void this.run(uri);
      return;
    }
    // A zero delay still lets the messages already read (more keys, a completion request) go first.
    const keepsUp = (this.costs.get(uri) ?? 0) < sinceChange;
    this.timers.set(
      uri,
      setTimeout(
        () => {
          this.timers.delete(uri);
          void this.run(uri);
        },
        keepsUp ? 0 : this.delayMs,
      ),
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
    this.costs.delete(uri);
    this.changes.delete(uri);
  }

  private async run(uri: string): Promise<void> {
    const generation = this.generations.get(uri);
    const start = this.now();
    const result = await this.compute(uri);
    if (this.generations.has(uri)) this.costs.set(uri, this.now() - start);
    if (result && this.generations.get(uri) === generation) this.publish(uri, result.version, result.diagnostics);
  }
}
