import type { CodeAction, Diagnostic, TextEdit } from "vscode-languageserver-types";
import { DIAGNOSTIC_SOURCE } from "../diagnostics";

/**
 * The rules whose quick fix cannot change what a correct unit means: a deprecated name for its
 * successor, a misplaced directive moved where systemd reads it, a misspelling with one candidate,
 * and the Wants= that After=network-online.target needs.
 */
const SAFE_RULES = new Set(["deprecated-directive", "misplaced-directive", "unknown-directive", "network-online-not-wanted"]);

/** A finding lint --fix must not guess at: a rule with a safe fix whose fix is not one clear edit. */
export type FixVerdict = { edits: TextEdit[] } | "not-safe" | "ambiguous";

/** Whether `actions` (the quick fixes offered for `diagnostic` in the document `uri`) hold one safe fix, and its edits. */
export function safeFix(diagnostic: Diagnostic, actions: readonly CodeAction[], uri: string): FixVerdict {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || !SAFE_RULES.has(String(diagnostic.code))) return "not-safe";
  const data = diagnostic.data as { ambiguous?: boolean } | undefined;
  const [only, ...others] = actions;
  const edits = only?.edit?.changes?.[uri];
  if (data?.ambiguous || others.length > 0 || !edits || Object.keys(only.edit?.changes ?? {}).length !== 1) {
    // A rule that reports without a fix (an unknown name with no candidate) leaves nothing to guess.
    return actions.length === 0 && !data?.ambiguous ? "not-safe" : "ambiguous";
  }
  return { edits };
}
