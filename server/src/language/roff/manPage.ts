// A parsed man page with its directive entries, and the Markdown of a directive or of the whole page.
import { plainText, type Block, type DefinitionBlock, type ManDocument } from "./document";
import { type DirectiveEntry, directiveEntries, indexDirectives, pickEntry } from "./directiveIndex";
import { type MarkdownOptions, renderBlocks, renderDocument } from "./markdown";
import { roffSteps } from "./parse";
import { finished, type Steps } from "./steps";

export interface ManPage {
  /** As the file is named: "systemd.exec". */
  name: string;
  /** "5". */
  section: string;
  document: ManDocument;
  directives: Map<string, DirectiveEntry[]>;
}

export interface DirectiveDoc {
  /** The entry's body as Markdown. */
  markdown: string;
  /** Every name the entry documents, with "=": ["User=", "Group="]. */
  names: string[];
  /** "systemd.exec". */
  page: string;
  /** "systemd.exec(5)", for a `man:` link. */
  reference: string;
  /** The `.SH` heading the entry is under, e.g. "OPTIONS" or "[INSTALL] SECTION OPTIONS". */
  section: string;
  /** The `.SS` heading, when there is one, e.g. "Conditions and Asserts". */
  subsection?: string;
}

export function createManPage(name: string, section: string, source: string): ManPage {
  return finished(manPageSteps(name, section, source));
}

/** createManPage as steps (see steps.ts). */
export function* manPageSteps(name: string, section: string, source: string): Steps<ManPage> {
  const document = yield* roffSteps(source);
  return { name, section, document, directives: indexDirectives(yield* directiveEntries(document)) };
}

/** `name` with or without "="; `unitSection` ("Network", "Address") picks among entries of one name. */
export function directiveDoc(page: ManPage, name: string, unitSection?: string, options?: MarkdownOptions): DirectiveDoc | undefined {
  const entry = pickEntry(page.directives.get(name.replace(/=$/, "")) ?? [], unitSection);
  return entry && docOf(page, entry, renderBlocks(entry.definition.body, page.document.notes, options));
}

/** Every directive entry of a page with its Markdown: what directive lookups keep of a page once its parse is dropped. */
export interface RenderedDirectives {
  name: string;
  section: string;
  entries: Map<string, RenderedEntry[]>;
}

type RenderedEntry = Omit<DirectiveEntry, "definition"> & { markdown: string };

/** The page's directive entries rendered, as steps (see steps.ts): an entry documenting several names is rendered once. */
export function* renderedDirectiveSteps(page: ManPage, options?: MarkdownOptions): Steps<RenderedDirectives> {
  const done = new Map<DirectiveEntry, RenderedEntry>();
  const entries = new Map<string, RenderedEntry[]>();
  for (const [name, found] of page.directives) {
    entries.set(
      name,
      found.map((entry) => {
        let rendered = done.get(entry);
        if (!rendered) {
          const { definition, ...rest } = entry;
          done.set(entry, (rendered = { ...rest, markdown: renderBlocks(definition.body, page.document.notes, options) }));
        }
        return rendered;
      }),
    );
    if (endsRenderStep(done.size)) yield;
  }
  return { name: page.name, section: page.section, entries };
}

/** Entries rendered a step: rendering an entry costs about what parsing a few hundred lines does. */
const endsRenderStep = (count: number) => count % 16 === 0;

/** directiveDoc from a page's rendered entries. */
export function renderedDirectiveDoc(page: RenderedDirectives, name: string, unitSection?: string): DirectiveDoc | undefined {
  const entry = pickEntry(page.entries.get(name.replace(/=$/, "")) ?? [], unitSection);
  return entry && docOf(page, entry, entry.markdown);
}

function docOf(
  page: { name: string; section: string },
  entry: Pick<DirectiveEntry, "names" | "heading" | "subheading">,
  markdown: string,
): DirectiveDoc {
  return {
    markdown,
    names: entry.names.map((n) => `${n}=`),
    page: page.name,
    reference: `${page.name}(${page.section})`,
    section: entry.heading,
    ...(entry.subheading ? { subsection: entry.subheading } : {}),
  };
}

export function pageMarkdown(page: ManPage, options?: MarkdownOptions): string {
  return renderDocument(page.document, `${page.name}(${page.section})`, options);
}

/** The entries of a page listed under a term, e.g. "f, f+" in tmpfiles.d(5), by each comma-separated term. */
function termEntries(blocks: readonly Block[], found: Map<string, DefinitionBlock>): Map<string, DefinitionBlock> {
  for (const block of blocks) {
    if (block.kind === "definition") {
      for (const term of plainText(block.term).split(/,\s*|\s+or\s+/))
        if (term.trim() && !found.has(term.trim())) found.set(term.trim(), block);
      termEntries(block.body, found);
    } else if (block.kind === "item" || block.kind === "indent") termEntries(block.body, found);
  }
  return found;
}

/** The body of the entry a page lists under `term` (a line type, a key), as Markdown; undefined where the page has none. */
export function termDoc(page: ManPage, term: string, options?: MarkdownOptions): string | undefined {
  const entry = termEntries(page.document.blocks, new Map()).get(term);
  return entry && renderBlocks(entry.body, page.document.notes, options);
}
