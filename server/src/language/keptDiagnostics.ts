import type { Diagnostic } from "vscode-languageserver-types";

type Kept = Diagnostic | Diagnostic[];

/**
 * A document's diagnostics of its last analysis, by message. After a keystroke most findings are
 * the same as before, at the same line and column: the analysis hands back the same objects
 * instead of new ones, so the thousands of findings of a large unit are not made, kept and
 * collected again on every key. Diagnostics are never changed once made, so sharing them is safe.
 */
/** What a family found on an entry, and what the entry was: its text, where it starts and its section. */
interface EntrySlot {
  text: string;
  column: number;
  section: string;
  diagnostics: Diagnostic[];
}

export class KeptDiagnostics {
  private previous = new Map<string, Kept>();
  private next = new Map<string, Kept>();
  /** By family, by the line an entry starts on. */
  private previousEntries = new Map<object, Map<number, EntrySlot>>();
  private nextEntries = new Map<object, Map<number, EntrySlot>>();
  /** The settings the kept diagnostics were found with: other settings find others. */
  private settings: unknown[] = [];

  /** Starts an analysis with these settings; the diagnostics kept from other settings are dropped. */
  begin(settings: unknown[]): void {
    if (settings.length !== this.settings.length || settings.some((each, i) => each !== this.settings[i])) {
      this.previous.clear();
      this.previousEntries.clear();
      this.settings = settings;
    }
  }

  /**
   * The diagnostics `family` found on the entry at `line` the last time, when its text, column
   * and section were the same (all that the family reads of it); else those `find` finds now.
   */
  entry(family: object, line: number, slot: Omit<EntrySlot, "diagnostics">, find: () => Diagnostic[]): Diagnostic[] {
    const old = this.previousEntries.get(family)?.get(line);
    let slots = this.nextEntries.get(family);
    if (!slots) this.nextEntries.set(family, (slots = new Map()));
    if (old && old.text === slot.text && old.column === slot.column && old.section === slot.section) {
      slots.set(line, old);
      return old.diagnostics;
    }
    const diagnostics = find();
    slots.set(line, { text: slot.text, column: slot.column, section: slot.section, diagnostics });
    return diagnostics;
  }

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
    this.previousEntries = this.nextEntries;
    this.nextEntries = new Map();
  }
}

function pick(kept: Kept | undefined, same: (diagnostic: Diagnostic) => boolean): Diagnostic | undefined {
  if (kept === undefined) return undefined;
  return Array.isArray(kept) ? kept.find(same) : same(kept) ? kept : undefined;
}
