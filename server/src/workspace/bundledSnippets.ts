import type { SnippetFile } from "../language/snippets";
import snippets from "../../../snippets/systemd-unit.json";

/** The snippets the VS Code extension contributes, bundled into the server for other editors. */
export const bundledSnippets: SnippetFile = snippets;
