import type { DocumentLink } from "vscode-languageserver-types";
import { MAN_PAGE_SCHEME } from "../protocol/initialization";
import { documentOffsetOf } from "./entryOffsets";
import { fileUri, type UriOf } from "./fileUri";
import type { EntryNode, UnitFile } from "./parser";
import { fileSchemaFor, type DirectiveInfo } from "./schema/fileSchema";
import type { UnitKind } from "./unitKind";
import { parseExecLine } from "./values/execLine";
import { splitWords, type Word } from "./values/words";

/** A `man:` reference: `systemd.exec(5)` is name "systemd.exec", section "5". */
export interface ManPageName {
  name: string;
  section?: string;
}

export interface DocumentLinkOptions {
  /** Where a man page link points; by default the page on the web. */
  manPageTarget?: (page: ManPageName) => string | undefined;
  /** Whether an absolute path names a file on this machine; paths get links only with it. */
  isFile?: (path: string) => Promise<boolean>;
  /** The URI of a path (file: URIs by default). */
  uriOf?: UriOf;
}

const MAN_URI = /^man:([A-Za-z0-9_.:+@-]+)(?:\(([0-9][A-Za-z0-9]*)\))?$/;
const SYSTEMD_PAGE =
  /^(systemd|journald|logind|networkd|resolved|timesyncd|homed|udev|tmpfiles|sysusers|os-release|machine-id|hostname|crypttab|bootctl|busctl|hostnamectl|localectl|loginctl|machinectl|networkctl|resolvectl|timedatectl|coredumpctl|journalctl|portablectl|userdbctl|homectl|kernel-install|pam_systemd)/;

export function parseManUri(uri: string): ManPageName | undefined {
  const match = MAN_URI.exec(uri);
  return match ? { name: match[1]!, ...(match[2] && { section: match[2] }) } : undefined;
}

/** The page on the web: systemd's own pages on freedesktop.org, others on man7.org or manpages.debian.org. */
export function manPageWebUrl(page: ManPageName): string {
  if (SYSTEMD_PAGE.test(page.name)) return `https://www.freedesktop.org/software/systemd/man/latest/${encodeURIComponent(page.name)}.html`;
  const name = encodeURIComponent(page.name);
  return page.section
    ? `https://man7.org/linux/man-pages/man${page.section[0]}/${name}.${page.section}.html`
    : `https://manpages.debian.org/${name}`;
}

/** `unitsmith-man:/systemd.exec(5).md`, a read-only document the VS Code client renders with the unitsmith.showManPage command. */
export function manPageDocumentUri(page: ManPageName): string {
  return `${MAN_PAGE_SCHEME}:/${encodeURIComponent(page.name)}${page.section ? `(${encodeURIComponent(page.section)})` : ""}.md`;
}

function link(file: UnitFile, entry: EntryNode, word: Word, target: string, tooltip?: string): DocumentLink {
  const range = file.lines.rangeOf(documentOffsetOf(entry, word.start), documentOffsetOf(entry, word.end - 1) + 1);
  return { range, target, ...(tooltip && { tooltip }) };
}

function documentationLinks(file: UnitFile, entry: EntryNode, options: DocumentLinkOptions): DocumentLink[] {
  return splitWords(entry.value).words.flatMap((word) => {
    const uri = word.text;
    if (/^https?:\/\/\S+$/.test(uri)) return [link(file, entry, word, uri)];
    if (/^file:\/\S+$/.test(uri)) return [link(file, entry, word, uri.startsWith("file://") ? uri : `file://${uri.slice(5)}`)];
    const page = parseManUri(uri);
    const target = page && (options.manPageTarget ?? manPageWebUrl)(page);
    return target
      ? [link(file, entry, word, target, `Open the manual page ${page!.name}${page!.section ? `(${page!.section})` : ""}`)]
      : [];
  });
}

/** The absolute paths a value names, each without the prefixes its directive allows. */
function pathWords(info: DirectiveInfo, value: string): Word[] {
  const strip = (word: Word, prefixes: string): Word => {
    let skip = 0;
    while (skip < word.text.length && prefixes.includes(word.text[skip]!)) skip++;
    return { text: word.text.slice(skip), start: word.start + skip, end: word.end };
  };
  switch (info.value.kind) {
    case "exec":
      return parseExecLine(value).commands.map((command) => command.executable);
    case "path":
    case "environmentFile":
      return value ? [strip({ text: value, start: 0, end: value.length }, "-")] : [];
    case "pathList":
      return splitWords(value).words.map((word) => strip(word, "-+"));
    case "condition":
      return info.value.argument === "path" && value ? [strip({ text: value, start: 0, end: value.length }, "|!")] : [];
  }
  return [];
}

/** Links in the file: Documentation= URIs (man pages through `manPageTarget`) and absolute paths of existing files. */
export async function documentLinks(file: UnitFile, kind: UnitKind, options: DocumentLinkOptions = {}): Promise<DocumentLink[]> {
  const schema = fileSchemaFor(kind);
  if (!schema) return [];
  const links: DocumentLink[] = [];
  const paths: { entry: EntryNode; word: Word }[] = [];
  for (const section of file.sections) {
    for (const entry of section.entries) {
      const info = schema.directive(section.name, entry.key);
      if (!info) continue;
      if (info.value.kind === "documentation") {
        links.push(...documentationLinks(file, entry, options));
        continue;
      }
      for (const word of pathWords(info, entry.value)) {
        if (word.text.startsWith("/") && !word.text.includes("%")) paths.push({ entry, word });
      }
    }
  }
  const isFile = options.isFile;
  if (!isFile) return links;
  const uriOf = options.uriOf ?? fileUri;
  const existing = await Promise.all(paths.map(({ word }) => isFile(word.text)));
  links.push(...paths.filter((_, i) => existing[i]).map(({ entry, word }) => link(file, entry, word, uriOf(word.text))));
  return links.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
