import { TextDocument } from "vscode-languageserver-textdocument";
import { CodeActionKind } from "vscode-languageserver-types";
import type { UnitLanguageService } from "../language/languageService";
import { safeFix } from "../language/quickFixes/safeFixes";
import { LANGUAGE_ID } from "../protocol/languageId";

/** Every fix lint --fix applies in one file is one round; a file needing more is not one a person wrote. */
const MAX_ROUNDS = 200;

/** Findings after which no fix is trusted: the text is not what systemd reads. */
const UNREADABLE = new Set(["invalid-encoding", "file-too-large"]);

export type FixResult = { text: string; fixed: string[] } | { refused: string };

/**
 * The text with every safe quick fix applied, one at a time (each on the text the previous one
 * left, so no two edits collide), and the rules fixed; or why the file is left as it is.
 */
export async function fixText(service: UnitLanguageService, uri: string, original: string): Promise<FixResult> {
  let text = original;
  const fixed: string[] = [];
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const document = TextDocument.create(uri, LANGUAGE_ID, round, text);
    const diagnostics = await service.diagnostics(document);
    const unreadable = diagnostics.find((d) => UNREADABLE.has(String(d.code)));
    if (unreadable) return { refused: `not fixed: ${String(unreadable.code)}` };
    let applied = false;
    for (const diagnostic of diagnostics) {
      const actions = service.codeActions(document, { diagnostics: [diagnostic], only: [CodeActionKind.QuickFix] });
      const verdict = safeFix(diagnostic, actions, uri);
      if (verdict === "not-safe") continue;
      if (verdict === "ambiguous") {
        return {
          refused: `not fixed: line ${diagnostic.range.start.line + 1} has more than one possible fix (${String(diagnostic.code)})`,
        };
      }
      text = TextDocument.applyEdits(document, verdict.edits);
      fixed.push(String(diagnostic.code));
      applied = true;
      break;
    }
    if (!applied) return { text, fixed };
  }
  return { refused: `not fixed: more than ${MAX_ROUNDS} fixes` };
}
