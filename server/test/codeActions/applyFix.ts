import { TextDocument } from "vscode-languageserver-textdocument";
import type { CodeAction, Diagnostic } from "vscode-languageserver-types";
import { codeActions } from "../../src/language/codeActions";
import { computeDiagnostics } from "../../src/language/diagnostics";
import { parseUnitFile } from "../../src/language/parser";
import { unitKind } from "../../src/language/unitKind";

const URI = "file:///project/unit";

export const codesIn = (path: string, text: string): string[] =>
  computeDiagnostics(parseUnitFile(text), unitKind(path)).map((d) => String(d.code));

/** The quick fixes offered for the first diagnostic of `code`, computed the way a client asks for them. */
export function fixesFor(path: string, text: string, code: string): CodeAction[] {
  const file = parseUnitFile(text);
  const diagnostic = computeDiagnostics(file, unitKind(path)).find((d) => d.code === code);
  if (!diagnostic) throw new Error(`no ${code} diagnostic in:\n${text}`);
  // The client sends the diagnostic back through JSON.
  const sent = JSON.parse(JSON.stringify(diagnostic)) as Diagnostic;
  return codeActions(file, unitKind(path), [sent], URI);
}

export function applyAction(text: string, action: CodeAction): string {
  const edits = action.edit?.changes?.[URI];
  if (!edits) throw new Error(`action "${action.title}" has no edits for the document`);
  return TextDocument.applyEdits(TextDocument.create(URI, "systemd-unit", 1, text), edits);
}

/** Applies the fix whose title matches (the first one if none is given) and returns the new text. */
export function applyFix(path: string, text: string, code: string, title?: RegExp): { text: string; action: CodeAction } {
  const actions = fixesFor(path, text, code);
  const action = title ? actions.find((a) => title.test(a.title)) : actions[0];
  if (!action) throw new Error(`no fix for ${code}${title ? ` titled ${title}` : ""}; offered: ${actions.map((a) => a.title).join(", ")}`);
  return { text: applyAction(text, action), action };
}

export { URI };
