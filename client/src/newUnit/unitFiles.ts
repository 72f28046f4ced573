import * as vscode from "vscode";
import type { GeneratedFile } from "../../../server/src/language/generate";
import { LANGUAGE_ID } from "../../../server/src/protocol";
import type { Prompts } from "../operations/prompts";
import { t } from "../l10n";

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** "a", "a and b", "a, b and c". */
export const listed = (names: readonly string[]) =>
  names.length === 1 ? names[0]! : t("{0} and {1}", names.slice(0, -1).join(", "), names.at(-1)!);

/**
 * Writes `files` into `folder` under their unit names. When any of them exists, asks once before
 * replacing; declined, nothing is written and the answer is undefined.
 */
export async function writeUnitFiles(
  prompts: Prompts,
  folder: vscode.Uri,
  files: readonly GeneratedFile[],
): Promise<vscode.Uri[] | undefined> {
  const targets = files.map((file) => ({ file, uri: vscode.Uri.joinPath(folder, file.name) }));
  const existing: string[] = [];
  for (const { file, uri } of targets) if (await exists(uri)) existing.push(file.name);
  if (existing.length > 0) {
    const replace = await prompts.confirm(
      t("Replace {0}?", listed(existing)),
      existing.length === 1
        ? t("{0} already has this file; replacing loses what it says.", folder.fsPath)
        : t("{0} already has these files; replacing loses what they say.", folder.fsPath),
      "Replace",
    );
    if (!replace) return undefined;
  }
  for (const { file, uri } of targets) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(file.text));
  return targets.map(({ uri }) => uri);
}

/** Opens each file in an unsaved editor, the first one last so that it is in front. */
export async function openUntitled(files: readonly GeneratedFile[]): Promise<vscode.TextDocument[]> {
  const documents = await Promise.all(
    files.map((file) => vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: file.text })),
  );
  for (const document of [...documents].reverse()) await vscode.window.showTextDocument(document, { preview: false });
  return documents;
}
