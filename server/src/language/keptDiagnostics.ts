import type { Diagnostic } from "vscode-languageserver-types";

type Kept = Diagnostic | Diagnostic[];

/**
 * A document's diagnostics of its last analysis, by message. After a keystroke most findings are
 * the same as before, at the same line and column: the analysis hands back the same objects
 * instead of new ones, so the thousands of findings of a large unit are not made, kept and
 * collected again on every key. Diagnostics are never changed once made, so sharing them is safe.
 */
export class KeptDiagnostics {
  private previous = new Map<string, Kept>();
  private next = new Map<string, Kept>();

  /** A diagnostic of this analysis or the last one with this message that `same` accepts. */
  find(message: string, same: (diagnostic: Diagnostic) => boolean): Diagnostic | undefined {
    return pick(this.next.get(message), same) ?? pick(this.previous.get(message), same);
  }

  /** Keeps a diagnostic this analysis found, for the next one. */
  keep(message: string, diagnostic: Diagnostic): void {
    const kept = this.next.get(message);
    if (kept === undefined) this.next.set(message, diagnostic);
    else if (Array.isArray(kept)) kept.push(diagnostic);
    else this.next.set(message, [kept, diagnostic]);
  }

  /** Ends an analysis: the diagnostics it did not find again are forgotten. */
  finish(): void {
    this.previous = this.next;
    this.next = new Map();
  }
}

function pick(kept: Kept | undefined, same: (diagnostic: Diagnostic) => boolean): Diagnostic | undefined {
  if (kept === undefined) return undefined;
  return Array.isArray(kept) ? kept.find(same) : same(kept) ? kept : undefined;
}
