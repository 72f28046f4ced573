import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Hover,
  type MarkupContent,
} from "vscode-languageserver-types";

/** What the client can show, from its LSP capabilities; the service shapes its answers to it. */
export interface ClientFeatures {
  /** textDocument.completion.completionItem.snippetSupport */
  snippets: boolean;
  /** "markdown" among the hover and completion documentation formats */
  markdown: boolean;
  /** textDocument.completion.completionItem.labelDetailsSupport */
  labelDetails: boolean;
  /** "editRange" and "data" among textDocument.completion.completionList.itemDefaults: a list may say them once for its items. */
  listDefaults: boolean;
}

/**
 * A client that can show everything the service offers (the language service's default), each
 * completion item with its own edit, as the service's callers in this process read them.
 */
export const FULL_CLIENT: ClientFeatures = { snippets: true, markdown: true, labelDetails: true, listDefaults: false };

/** The client capabilities the service reads, as LSP's ClientCapabilities has them. */
export interface ClientCapabilitiesSubset {
  textDocument?: {
    completion?: {
      completionItem?: { snippetSupport?: boolean; documentationFormat?: string[]; labelDetailsSupport?: boolean };
      completionList?: { itemDefaults?: string[] };
    };
    hover?: { contentFormat?: string[] };
  };
}

export function clientFeaturesOf(capabilities: ClientCapabilitiesSubset): ClientFeatures {
  const item = capabilities.textDocument?.completion?.completionItem;
  const hoverFormats = capabilities.textDocument?.hover?.contentFormat;
  const itemDefaults = capabilities.textDocument?.completion?.completionList?.itemDefaults;
  return {
    snippets: item?.snippetSupport === true,
    markdown: hoverFormats?.includes(MarkupKind.Markdown) === true,
    labelDetails: item?.labelDetailsSupport === true,
    listDefaults: ["editRange", "data"].every((name) => itemDefaults?.includes(name)),
  };
}

/** Markdown as a reader of plain text wants it: no emphasis marks, code ticks or rules; links as "text (address)". */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .split("\n")
    .filter((line) => !/^\s*(---|```\w*)\s*$/.test(line))
    .map((line) =>
      line
        .replace(/^#{1,6}\s+/, "")
        .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, "$1 ($2)")
        .replace(/\*\*([^*]+)\*\*/g, "$1")
        .replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, "$1$2")
        .replace(/`([^`]*)`/g, "$1")
        .replace(/\\([\\`*_[\]()#+.!<>-])/g, "$1"),
    )
    .join("\n")
    .replace(/\n{3,}/g, "\n\n");
}

function plainDocumentation(content: CompletionItem["documentation"]): CompletionItem["documentation"] {
  if (content === undefined || typeof content === "string" || content.kind !== MarkupKind.Markdown) return content;
  return markdownToPlainText(content.value);
}

/** A snippet's text with its tab stops and placeholders taken out: `foo@${1:instance}.service` → `foo@.service`. */
function snippetToPlainText(snippet: string): string {
  let text = snippet;
  // Innermost placeholders first, so nested ones go too.
  for (let previous = ""; previous !== text;) {
    previous = text;
    text = text.replace(/\$\{\d+(:[^${}]*)?\}|\$\d+/g, "");
  }
  return text.replace(/\\([\\$}])/g, "$1");
}

/** One completion item for this client (a resolved one, say). */
export function completionItemFor(item: CompletionItem, client: ClientFeatures): CompletionItem {
  return client.markdown || item.documentation === undefined ? item : { ...item, documentation: plainDocumentation(item.documentation)! };
}

/** Completion items for this client: no snippets where it has none, plain text where it shows no Markdown. */
export function completionItemsFor(items: CompletionItem[], client: ClientFeatures): CompletionItem[] {
  if (client.snippets && client.markdown && client.labelDetails) return items;
  return items.flatMap((item) => {
    let shaped = item;
    if (!client.snippets && item.insertTextFormat === InsertTextFormat.Snippet) {
      // Whole snippets (bundled unit skeletons) are no use as plain text; a template's instance placeholder is.
      if (item.kind === CompletionItemKind.Snippet) return [];
      const edit =
        item.textEdit && "range" in item.textEdit
          ? { ...item.textEdit, newText: snippetToPlainText(item.textEdit.newText) }
          : item.textEdit;
      shaped = { ...shaped, insertTextFormat: InsertTextFormat.PlainText, ...(edit && { textEdit: edit }) };
    }
    if (!client.markdown && item.documentation !== undefined)
      shaped = { ...shaped, documentation: plainDocumentation(item.documentation)! };
    if (!client.labelDetails && item.labelDetails) {
      const { labelDetails, ...rest } = shaped;
      const detail = [rest.detail, labelDetails?.detail, labelDetails?.description].filter(Boolean).join(" · ");
      shaped = { ...rest, ...(detail && { detail }) };
    }
    return [shaped];
  });
}

/** A hover for this client: plain text where it shows no Markdown. */
export function hoverFor(hover: Hover, client: ClientFeatures): Hover {
  if (client.markdown) return hover;
  const contents = hover.contents as MarkupContent;
  return { ...hover, contents: { kind: MarkupKind.PlainText, value: markdownToPlainText(contents.value) } };
}
