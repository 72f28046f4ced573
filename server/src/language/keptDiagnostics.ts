import type { Diagnostic } from "vscode-languageserver-types";
import type { UnitFile } from "./parser";

type Kept = Diagnostic | Diagnostic[];

/**
 * What the per-entry rule families found on an entry (by the family's place among them), and
 * what the entry was: its text, the column it starts at and its section, all they read of it.
 */
export interface EntryFindings {
  readonly text: string;
  readonly column: number;
  readonly section: string;
  readonly found: Diagnostic[][];
}

/**
 * A document's diagnostics of its last analysis, by the line each starts on. After a keystroke
 * most findings are the same as before, at the same line and column: the analysis hands back the
 * same objects instead of new ones, so the thousands of findings of a large unit are not made,
 * kept and collected again on every key. Diagnostics are never changed once made, so sharing them is safe.
 */
export class KeptDiagnostics {
  // By line, not by message: a message can be on hundreds of lines (a directive set again and
  // again), and each finding would be compared with all of them.
  private previous = new Map<number, Kept>();
  private next = new Map<number, Kept>();
  /** By the line an entry starts on. */
  private previousEntries: (EntryFindings | undefined)[] = [];
  private nextEntries: (EntryFindings | undefined)[] = [];
  /** The settings the kept diagnostics were found with: other settings find others. */
  private settings: unknown[] = [];

  /** Starts an analysis with these settings; the diagnostics kept from other settings are dropped. */
  begin(settings: unknown[]): void {
    if (settings.length !== this.settings.length || settings.some((each, i) => each !== this.settings[i])) {
      this.previous.clear();
      this.previousEntries = [];
      this.settings = settings;
    }
  }

  /**
   * For each entry of the file, in order: what the per-entry families found on it the last time,
   * where its text, column and section are the same as then; else an empty record to fill.
   */
  entries(file: UnitFile): EntryFindings[] {
    const records: EntryFindings[] = [];
    const starts = file.lines.lineStarts;
    // Holey but with fast elements: entries start on some lines only.
    this.nextEntries = new Array<EntryFindings | undefined>(starts.length);
    let line = 0;
    for (const section of file.sections) {
      for (const entry of section.entries) {
        while (line + 1 < starts.length && starts[line + 1]! <= entry.start) line++;
        const column = entry.start - starts[line]!;
        const text = file.text.slice(entry.start, entry.end);
        const old = this.previousEntries[line];
        const record =
          old && old.text === text && old.column === column && old.section === section.name
            ? old
            : { text, column, section: section.name, found: [] };
        this.nextEntries[line] = record;
        records.push(record);
      }
    }
    return records;
  }

  /** A diagnostic of this analysis or the last one starting on `line` that `same` accepts. */
  find(line: number, same: (diagnostic: Diagnostic) => boolean): Diagnostic | undefined {
    return pick(this.next.get(line), same) ?? pick(this.previous.get(line), same);
  }

  /** Keeps a diagnostic this analysis found, for the next one. */
  keep(diagnostic: Diagnostic): void {
    const line = diagnostic.range.start.line;
    const kept = this.next.get(line);
    if (kept === undefined) this.next.set(line, diagnostic);
    else if (Array.isArray(kept)) kept.push(diagnostic);
    else this.next.set(line, [kept, diagnostic]);
  }

  /** Ends an analysis: the diagnostics it did not find again are forgotten. */
  finish(): void {
    this.previous = this.next;
    this.next = new Map();
    this.previousEntries = this.nextEntries;
    this.nextEntries = [];
  }
}

function pick(kept: Kept | undefined, same: (diagnostic: Diagnostic) => boolean): Diagnostic | undefined {
  if (kept === undefined) return undefined;
  return Array.isArray(kept) ? kept.find(same) : same(kept) ? kept : undefined;
}
