import type { Diagnostic } from "vscode-languageserver-types";

/**
 * A document's diagnostics of its last analysis, by everything they say (rule, severity, range,
 * message, data). After a keystroke most findings are the same as before, at the same line and
 * column: the analysis hands back the same objects instead of new ones, so the thousands of
 * findings of a large unit are not made, kept and collected again on every key. Diagnostics are
 * never changed once made, so sharing them is safe.
 */
export class KeptDiagnostics {
  private previous = new Map<string, Diagnostic>();
  private next = new Map<string, Diagnostic>();

  /** The diagnostic of this analysis or the last one that says what `key` says. */
  get(key: string): Diagnostic | undefined {
    return this.next.get(key) ?? this.previous.get(key);
  }

  /** Keeps a diagnostic this analysis found, for the next one. */
  keep(key: string, diagnostic: Diagnostic): void {
    this.next.set(key, diagnostic);
  }

  /** Ends an analysis: the diagnostics it did not find again are forgotten. */
  finish(): void {
    this.previous = this.next;
    this.next = new Map();
  }
}
