import type { TextDocument } from "vscode-languageserver-textdocument";
import { analyze, type Analysis } from "./language/analysis";
import { documentPath } from "./documentPath";

/** Parses each document version once, however many features ask for it. */
export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; maxFileSizeKB: number; analysis: Analysis }>();

  get(document: TextDocument, maxFileSizeKB: number): Analysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.maxFileSizeKB === maxFileSizeKB) return cached.analysis;
    const analysis = analyze(document.getText(), documentPath(document.uri), maxFileSizeKB);
    this.entries.set(document.uri, { version: document.version, maxFileSizeKB, analysis });
    return analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
