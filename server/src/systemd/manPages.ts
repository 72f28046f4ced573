// Hover documentation and rendered pages from the user's installed man pages, parsed in slices of a
// few milliseconds (requests are answered in between) and kept: the pages used last, and the
// rendered entry of each directive asked about. Missing, unreadable or corrupt pages give
// undefined; nothing here throws or logs.
import {
  type DirectiveDoc,
  type ManPage,
  type ManReference,
  type MarkdownOptions,
  inSlices,
  listedDirectiveSteps,
  manPageSteps,
  pageMarkdown,
  parseManReference,
  renderedDirectiveDoc,
  renderedDirectiveSteps,
  type RenderedDirectives,
  termDoc,
} from "../language/roff";
import { readManPage } from "./manPageFile";
import { manRoots } from "./manPath";

export interface ManPageLibraryOptions {
  /** Man page roots, each holding man5/, man7/, ...; by default from $MANPATH, else /usr/local/share/man and /usr/share/man. */
  manPath?: string[];
  /** How man page references in the Markdown link, e.g. to `man:` URIs. */
  markdown?: MarkdownOptions;
}

export interface DirectiveHint {
  /** The page the knowledge base says documents the directive: "systemd.exec" or "systemd.exec(5)". */
  page?: string;
  /** The unit file section the directive is in, e.g. "Network"; picks between same-named entries. */
  section?: string;
}

type ManReferenceLike = Pick<ManReference, "name"> & Partial<ManReference>;

export interface ManPageLibrary {
  /** The documentation of a directive (`ExecStart` or `ExecStart=`), or undefined when no installed page has it. */
  directiveDoc(name: string, hint?: DirectiveHint): Promise<DirectiveDoc | undefined>;
  /** A parsed page: "systemd.exec", "systemd.exec(5)", or a name and a section. */
  page(name: string, section?: string): Promise<ManPage | undefined>;
  /** Whether a page is installed and readable, found without parsing it. */
  installed(name: string, section: string): Promise<boolean>;
  /** A page's entry listed under a term ("f+" in tmpfiles.d(5)), as Markdown with its reference. */
  termEntry(page: string, term: string): Promise<{ reference: string; markdown: string } | undefined>;
  /** A whole page as Markdown, for a read-only man page document. */
  renderPage(name: string, section?: string): Promise<string | undefined>;
  /** Renders a page's directive entries now, ahead of the hovers that quote them. */
  prepare(name: string, section: string): Promise<void>;
}

/** Sections searched, in order, when a page is named without one. */
const searchSections = ["5", "7", "8", "1", "3"];
/** Where unit and network directives live, for systems without systemd.directives(7). */
const directivePagesFallback = [
  "systemd.unit",
  "systemd.service",
  "systemd.exec",
  "systemd.kill",
  "systemd.resource-control",
  "systemd.socket",
  "systemd.timer",
  "systemd.path",
  "systemd.mount",
  "systemd.automount",
  "systemd.swap",
  "systemd.slice",
  "systemd.scope",
  "systemd.network",
  "systemd.netdev",
  "systemd.link",
].map((name) => ({ name, section: "5" }));

/**
 * Parsed pages kept, the one used longest ago dropped first: a parse weighs about eight times the
 * page's text (systemd.exec(5) 1.4 MiB), and a unit's hovers quote three or four pages.
 */
const KEPT_PAGES = 4;

export function createManPageLibrary(options: ManPageLibraryOptions = {}): ManPageLibrary {
  const roots = options.manPath ?? manRoots();
  const loaded = new Map<string, Promise<ManPage | undefined>>();
  /** Rendered documentation by directive and hint: after the first lookup, hovers are a map lookup. */
  const docs = new Map<string, Promise<DirectiveDoc | undefined>>();
  let directivePages: Promise<Map<string, ManReference[]> | undefined> | undefined;

  const parsed = (name: string, section: string): Promise<ManPage | undefined> =>
    readManPage(roots, name, section)
      .then((file) => (file ? inSlices(manPageSteps(name, section, file.source)) : undefined))
      .catch(() => undefined);

  const pageIn = (name: string, section: string): Promise<ManPage | undefined> => {
    const key = `${name}(${section})`;
    const page = loaded.get(key) ?? parsed(name, section);
    loaded.delete(key);
    loaded.set(key, page);
    if (loaded.size > KEPT_PAGES) loaded.delete(loaded.keys().next().value!);
    return page;
  };

  /** What `load` finds of the page `name` names (as "systemd.exec(5)", or with `section`), else of the first in the usual sections. */
  const firstIn = async <T>(name: string, section: string | undefined, load: (name: string, section: string) => Promise<T | undefined>) => {
    const reference = parseManReference(name);
    const sections = reference ? [reference.section] : section ? [section] : searchSections;
    for (const s of sections) {
      const found = await load(reference?.name ?? name, s);
      if (found) return found;
    }
    return undefined;
  };
  const page = (name: string, section?: string) => firstIn(name, section, pageIn);

  /**
   * Each page's directive entries, rendered the first time a directive is looked for in it and kept
   * as long as the server runs (every page's together weigh under 2 MiB), without its parse: a
   * lookup then never parses a page twice, whichever pages the kept parses are.
   */
  const rendered = new Map<string, Promise<RenderedDirectives | undefined>>();
  const renderedPage = (name: string, section: string): Promise<RenderedDirectives | undefined> => {
    const key = `${name}(${section})`;
    let entries = rendered.get(key);
    if (!entries) {
      entries = parsed(name, section)
        .then((found) => found && inSlices(renderedDirectiveSteps(found, options.markdown)))
        .catch(() => undefined);
      rendered.set(key, entries);
    }
    return entries;
  };

  /** Directive name → the pages systemd.directives(7) says document it; the page itself (6 MiB parsed) is not kept. */
  const directiveIndex = () => {
    directivePages ??= parsed("systemd.directives", "7").then(async (directives) => {
      if (!directives) return undefined;
      const index = new Map<string, ManReference[]>();
      for (const listed of await inSlices(listedDirectiveSteps(directives.document)))
        index.set(listed.name, [...(index.get(listed.name) ?? []), ...listed.pages]);
      return index;
    });
    return directivePages;
  };

  /**
   * Pages to search, in order: the hint's, those systemd.directives(7) names, and where that page is
   * missing the usual ones (a directive it does not list is on no installed page: a newer systemd's).
   * Loaded lazily.
   */
  const candidatePages = (key: string, hint: DirectiveHint): (() => Promise<ManReferenceLike[]>)[] => [
    async () => (hint.page ? [parseManReference(hint.page) ?? { name: hint.page }] : []),
    async () => (await directiveIndex())?.get(key) ?? [],
    async () => ((await directiveIndex()) ? [] : directivePagesFallback),
  ];

  const findDirective = async (name: string, hint: DirectiveHint): Promise<DirectiveDoc | undefined> => {
    const key = name.trim().replace(/=$/, "");
    if (!key) return undefined;
    const wanted = hint.section && `[${hint.section.toUpperCase()}]`;
    const seen = new Set<string>();
    let fallback: DirectiveDoc | undefined;
    for (const pages of candidatePages(key, hint)) {
      for (const candidate of await pages()) {
        if (seen.has(candidate.name)) continue;
        seen.add(candidate.name);
        const found = await firstIn(candidate.name, candidate.section, renderedPage);
        const doc = found && renderedDirectiveDoc(found, key, hint.section);
        if (!doc) continue;
        // Keep looking only when the page files the entry under another unit file section.
        const filedUnder = /^\[[^\]]+\]/.exec(doc.subsection ?? "")?.[0] ?? /^\[[^\]]+\]/.exec(doc.section)?.[0];
        if (!wanted || !filedUnder || filedUnder === wanted) return doc;
        fallback ??= doc;
      }
      if (fallback) return fallback;
    }
    return undefined;
  };

  return {
    directiveDoc: (name, hint = {}) => {
      const key = [name.trim().replace(/=$/, ""), hint.page ?? "", hint.section?.toUpperCase() ?? ""].join("\0");
      let doc = docs.get(key);
      if (!doc) {
        doc = findDirective(name, hint).catch(() => undefined);
        docs.set(key, doc);
      }
      return doc;
    },
    page: (name, section) => page(name, section).catch(() => undefined),
    installed: (name, section) =>
      readManPage(roots, name, section).then(
        (file) => file !== undefined,
        () => false,
      ),
    termEntry: async (name, term) => {
      const found = await page(name).catch(() => undefined);
      const markdown = found && termDoc(found, term, options.markdown);
      return markdown ? { reference: `${found.name}(${found.section})`, markdown } : undefined;
    },
    prepare: async (name, section) => {
      await firstIn(name, section, renderedPage);
    },
    renderPage: async (name, section) => {
      const found = await page(name, section).catch(() => undefined);
      return found && pageMarkdown(found, options.markdown);
    },
  };
}
