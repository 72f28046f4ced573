// Finds the entries that document configuration directives (`ExecStart=`, `User=, Group=`) in a parsed page.
import type { Block, DefinitionBlock, ManDocument } from "./document";
import { plainText } from "./document";
import { endsStep, type Steps } from "./steps";

export interface DirectiveEntry {
  /** The names the entry documents, without "=": ["User", "Group"]. */
  names: string[];
  /** The `.SH` heading the entry sits under, e.g. "OPTIONS" or "[INSTALL] SECTION OPTIONS". */
  heading: string;
  /** The `.SS` heading, when there is one. */
  subheading?: string;
  /** The unit file section the heading names ("INSTALL" in "[INSTALL] SECTION OPTIONS"), upper case. */
  unitSection?: string;
  /** 0 for an entry directly under a heading; more for entries nested in another entry or list. */
  depth: number;
  definition: DefinitionBlock;
}

/** `Name=` at the start of a term or after a comma; command line options (`--name=`) do not count. */
const directiveName = /(?:^|[\s,])([A-Za-z][\w.:-]*)=/g;

export function directiveNames(term: string): string[] {
  return [...term.matchAll(directiveName)].map((m) => m[1]!);
}

function unitSectionOf(heading: string | undefined): string | undefined {
  return heading ? /^\[([^\]]+)\]/.exec(heading)?.[1]!.toUpperCase() : undefined;
}

/** The entries of a page, as steps (see steps.ts). */
export function* directiveEntries(document: ManDocument): Steps<DirectiveEntry[]> {
  const entries: DirectiveEntry[] = [];
  let heading = "";
  let subheading: string | undefined;
  let count = 0;
  function* visit(blocks: readonly Block[], depth: number): Steps<void> {
    for (const block of blocks) {
      if (endsStep(++count)) yield;
      if (block.kind === "heading") {
        if (block.level === 1) [heading, subheading] = [block.text, undefined];
        else subheading = block.text;
      } else if (block.kind === "definition") {
        const names = directiveNames(plainText(block.term));
        if (names.length) {
          const unitSection = unitSectionOf(subheading) ?? unitSectionOf(heading);
          entries.push({ names, heading, subheading, unitSection, depth, definition: block });
        }
        yield* visit(block.body, depth + 1);
      } else if (block.kind === "item" || block.kind === "indent") {
        yield* visit(block.body, depth + 1);
      }
    }
  }
  yield* visit(document.blocks, 0);
  return entries;
}

/** Entries by each name they document, in page order. */
export function indexDirectives(entries: readonly DirectiveEntry[]): Map<string, DirectiveEntry[]> {
  const index = new Map<string, DirectiveEntry[]>();
  for (const entry of entries) {
    for (const name of entry.names) index.set(name, [...(index.get(name) ?? []), entry]);
  }
  return index;
}

/**
 * The best entry for a name: one under the unit file section asked for, else one under no particular
 * section, else any; among those the least nested, then the first.
 */
export function pickEntry<E extends Pick<DirectiveEntry, "unitSection" | "depth">>(
  candidates: readonly E[],
  section?: string,
): E | undefined {
  const wanted = section?.toUpperCase();
  const rank = (e: E) => (wanted && e.unitSection === wanted ? 0 : e.unitSection === undefined ? 1 : 2);
  return [...candidates].sort((a, b) => rank(a) - rank(b) || a.depth - b.depth)[0];
}
