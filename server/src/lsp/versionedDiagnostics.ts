import type { Diagnostic } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";

/** Diagnostics found by an outside tool for one version of each document; any other version sees none. */
export class VersionedDiagnostics {
  private readonly entries = new Map<string, { version: number; diagnostics: Diagnostic[] }>();

  set(uri: string, version: number, diagnostics: Diagnostic[]): void {
    this.entries.set(uri, { version, diagnostics });
  }

  get(document: TextDocument): Diagnostic[] {
    const entry = this.entries.get(document.uri);
    return entry && entry.version === document.version ? entry.diagnostics : [];
  }

  /** Whether there was anything to drop. */
  delete(uri: string): boolean {
    return this.entries.delete(uri);
  }
}
