// Finds where each directive is documented in systemd's DocBook man pages: the page, the HTML
// anchor the project's own stylesheet (man/custom-html.xsl) gives the entry, the [Section]s the
// surrounding refsect title names, and the version marker inside the entry. Entries pulled in
// from other files with <xi:include href="x.xml" xpointer="id"/> count where they are included.
import { childElements, parseXml, textOf, type XmlElement } from "./xml";

export interface DocHit {
  name: string;
  page: string;
  anchor: string;
  /** Sections named in the nearest enclosing refsect title, e.g. ["Route"]; empty when none. */
  sections: string[];
  since?: number;
}

/** "ExecStart=" or "CPUWeight=<replaceable>weight</replaceable>". */
const DIRECTIVE_TERM = /^([A-Za-z][A-Za-z0-9_-]*)=/;

function normalize(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function bracketedSections(title: string): string[] {
  return [...title.matchAll(/\[([A-Za-z0-9-]+)\]/g)].map((m) => m[1]!);
}

function directiveNames(term: XmlElement): string[] {
  const names: string[] = [];
  const visit = (element: XmlElement) => {
    for (const child of childElements(element)) {
      if (child.name === "varname") {
        const m = DIRECTIVE_TERM.exec(normalize(textOf(child)));
        if (m) names.push(m[1]!);
      } else visit(child);
    }
  };
  visit(term);
  return names;
}

/** The smallest vNNN marker in an entry, not counting entries nested inside it. */
function sinceOf(entry: XmlElement): number | undefined {
  let since: number | undefined;
  const visit = (element: XmlElement) => {
    for (const child of childElements(element)) {
      if (child.name === "varlistentry") continue;
      const m = /^v(\d+)$/.exec(child.attrs.xpointer ?? "");
      if (child.name === "xi:include" && child.attrs.href === "version-info.xml" && m) {
        const version = Number(m[1]);
        since = since === undefined ? version : Math.min(since, version);
      }
      visit(child);
    }
  };
  visit(entry);
  return since;
}

function titleOf(section: XmlElement): string {
  const direct = childElements(section, "title")[0];
  const info = childElements(section, "info")[0];
  const title = direct ?? (info && childElements(info, "title")[0]);
  return title ? normalize(textOf(title)) : "";
}

/** Reads another man/ file by name, for xi:include; undefined when there is none. */
export type IncludeLoader = (href: string) => XmlElement | undefined;

function findById(element: XmlElement, id: string): XmlElement | undefined {
  if (element.attrs.id === id) return element;
  for (const child of childElements(element)) {
    const found = findById(child, id);
    if (found) return found;
  }
  return undefined;
}

export interface ManPageIndex {
  page: string;
  hits: DocHit[];
  /** Sections a page says take "the same keys as" another: [Tap] -> Tun. */
  sameKeysAs: Map<string, string>;
}

export function indexManPage(page: string, xml: string, load: IncludeLoader): ManPageIndex {
  const hits: DocHit[] = [];
  const sameKeysAs = new Map<string, string>();
  // custom-html.xsl numbers repeated ids by how often the same text came before as a refsect
  // title or as the first term of an entry.
  const seen = new Map<string, number>();
  const idFor = (text: string) => {
    const count = seen.get(text) ?? 0;
    seen.set(text, count + 1);
    return count === 0 ? text : `${text}${count}`;
  };

  const walk = (element: XmlElement, sections: string[]) => {
    for (const child of childElements(element)) {
      if (child.name === "refsect1" || child.name === "refsect2") {
        const title = titleOf(child);
        idFor(title);
        const named = bracketedSections(title);
        const same = /same keys\s+as\s+(?:the\s+)?\[([A-Za-z0-9-]+)\]/.exec(normalize(textOf(child)));
        if (same && named.length === 1) sameKeysAs.set(named[0]!, same[1]!);
        walk(child, named.length > 0 ? named : sections);
      } else if (child.name === "varlistentry") {
        const terms = childElements(child, "term");
        const anchor = terms[0] ? idFor(normalize(textOf(terms[0]))) : "";
        const since = sinceOf(child);
        for (const term of terms) {
          for (const name of directiveNames(term)) {
            hits.push({ name, page, anchor, sections, ...(since !== undefined ? { since } : {}) });
          }
        }
        walk(child, sections);
      } else if (child.name === "xi:include" && child.attrs.xpointer && child.attrs.href !== "version-info.xml") {
        const included = load(child.attrs.href ?? "");
        const target = included && findById(included, child.attrs.xpointer);
        if (target) walk({ name: "#include", attrs: {}, children: [target] }, sections);
      } else {
        walk(child, sections);
      }
    }
  };
  walk(parseXml(xml), []);
  return { page, hits, sameKeysAs };
}

export class DocIndex {
  private readonly byPageAndName = new Map<string, DocHit[]>();
  private readonly sameKeysAs = new Map<string, string>();

  add({ page, hits, sameKeysAs }: ManPageIndex): void {
    for (const [section, other] of sameKeysAs) this.sameKeysAs.set(`${page}\0${section}`, other);
    for (const hit of hits) {
      const key = `${hit.page}\0${hit.name}`;
      const list = this.byPageAndName.get(key) ?? [];
      list.push(hit);
      this.byPageAndName.set(key, list);
    }
  }

  /**
   * The entry documenting `name` in `section`, searching `pages` in order. An entry under a title
   * naming the section wins; an entry under a title naming no section is accepted; an entry
   * under another section's title is not.
   */
  find(pages: readonly string[], section: string, name: string): DocHit | undefined {
    for (const page of pages) {
      const hits = this.byPageAndName.get(`${page}\0${name}`) ?? [];
      const documentedAs = this.sameKeysAs.get(`${page}\0${section}`) ?? section;
      const hit = hits.find((h) => h.sections.includes(documentedAs)) ?? hits.find((h) => h.sections.length === 0);
      if (hit) return hit;
    }
    return undefined;
  }
}
