import { TextDocument } from "vscode-languageserver-textdocument";
import type { CodeAction, Diagnostic } from "vscode-languageserver-types";
import { documentOf, testService } from "../service";

export const codesIn = async (path: string, text: string): Promise<string[]> =>
  (await testService().diagnostics(documentOf(path, text))).map((d) => String(d.code));

/** The quick fixes offered for the first diagnostic of `code`, computed the way a client asks for them. */
export async function fixesFor(path: string, text: string, code: string): Promise<CodeAction[]> {
  const service = testService();
  const document = documentOf(path, text);
  const diagnostic = (await service.diagnostics(document)).find((d) => d.code === code);
  if (!diagnostic) throw new Error(`no ${code} diagnostic in:\n${text}`);
  // The client sends the diagnostic back through JSON.
  const sent = JSON.parse(JSON.stringify(diagnostic)) as Diagnostic;
  return service.codeActions(document, { diagnostics: [sent] });
}

export function applyAction(text: string, action: CodeAction): string {
  const [edits, more] = Object.values(action.edit?.changes ?? {});
  if (!edits || more) throw new Error(`action "${action.title}" has no edits for the document, or edits for more than it`);
  return TextDocument.applyEdits(TextDocument.create("untitled:unit", "systemd-unit", 1, text), edits);
}

/** Applies the fix whose title matches (the first one if none is given) and returns the new text. */
export async function applyFix(path: string, text: string, code: string, title?: RegExp): Promise<{ text: string; action: CodeAction }> {
  const actions = await fixesFor(path, text, code);
  const action = title ? actions.find((a) => title.test(a.title)) : actions[0];
  if (!action) throw new Error(`no fix for ${code}${title ? ` titled ${title}` : ""}; offered: ${actions.map((a) => a.title).join(", ")}`);
  return { text: applyAction(text, action), action };
}
