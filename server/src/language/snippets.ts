import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Range } from "vscode-languageserver-types";

/** One entry of a VS Code snippet file. */
export interface SnippetDefinition {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

export type SnippetFile = Readonly<Record<string, SnippetDefinition>>;

/** The snippets as completion items that replace `range`; for clients that have no snippet files of their own. */
export function snippetItems(snippets: SnippetFile, range: Range): CompletionItem[] {
  return Object.entries(snippets).flatMap(([name, snippet]) => {
    const body = Array.isArray(snippet.body) ? snippet.body.join("\n") : snippet.body;
    const prefixes = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
    return prefixes.map((prefix) => ({
      label: prefix,
      kind: CompletionItemKind.Snippet,
      detail: name,
      documentation: { kind: "markdown" as const, value: `${snippet.description ?? name}\n\n\`\`\`ini\n${body}\n\`\`\`` },
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: `~${prefix}`,
      textEdit: { range, newText: body },
    }));
  });
}
