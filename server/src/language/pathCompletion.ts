import { CompletionItemKind, type CompletionItem, type Range } from "vscode-languageserver-types";
import type { DirectiveInfo } from "./schema/fileSchema";

export interface PathEntry {
  name: string;
  /** What the entry is, symlinks followed. */
  type: "file" | "directory" | "other";
  executable?: boolean;
}

/** Lists a directory of the machine the unit is for; undefined when it cannot be read. Supplied by the host. */
export type PathLister = (directory: string) => Promise<readonly PathEntry[] | undefined>;

/** Characters a value of this kind may carry in front of its path, e.g. "-" for an optional EnvironmentFile=. */
function pathPrefixes(info: DirectiveInfo): string | undefined {
  switch (info.value.kind) {
    case "exec":
      return "-@:+!";
    case "environmentFile":
      return "-";
    case "path":
      return info.name === "WorkingDirectory" ? "-" : "";
    case "pathList":
      return "-+";
    case "condition":
      return info.value.argument === "path" ? "|!" : undefined;
  }
  return undefined;
}

/** Directives whose path must name a program: the first word of a command line. */
const wantsExecutable = (info: DirectiveInfo) => info.value.kind === "exec";

/**
 * Completes the file system path being typed in a value: `word` is the text from the start of the
 * word to the cursor, and `wordStart` its document offset. `rangeOf` turns offsets into a range.
 */
export async function pathItems(
  info: DirectiveInfo,
  word: string,
  wordStart: number,
  firstWord: boolean,
  list: PathLister,
  rangeOf: (start: number, end: number) => Range,
): Promise<CompletionItem[]> {
  const prefixes = pathPrefixes(info);
  if (prefixes === undefined) return [];
  if (wantsExecutable(info) && !firstWord) return [];
  let skip = 0;
  while (skip < word.length && prefixes.includes(word[skip]!)) skip++;
  const path = word.slice(skip);
  if (!path.startsWith("/")) return [];
  const slash = path.lastIndexOf("/");
  const directory = path.slice(0, slash + 1);
  const entries = await list(directory);
  if (!entries) return [];
  const nameStart = wordStart + skip + slash + 1;
  const range = rangeOf(nameStart, wordStart + word.length);
  const executableOnly = wantsExecutable(info);
  return entries
    .filter((entry) => entry.type === "directory" || !executableOnly || entry.executable)
    .map((entry) => {
      const isDirectory = entry.type === "directory";
      const text = isDirectory ? `${entry.name}/` : entry.name;
      return {
        label: text,
        kind: isDirectory ? CompletionItemKind.Folder : CompletionItemKind.File,
        detail: `${directory}${text}`,
        sortText: `${isDirectory ? 1 : 0}${entry.name}`,
        textEdit: { range, newText: text },
        ...(isDirectory && { command: { title: "Suggest paths", command: "editor.action.triggerSuggest" } }),
      };
    });
}
