import { CompletionItemKind, type CompletionItem, type Hover } from "vscode-languageserver-types";
import type { CommentNode, UnitFile } from "./parser";
import { rulePageOf } from "./rulePages";
import { allRules } from "./rules/registry";
import { DISABLE_FILE, DISABLE_NEXT_LINE, suppressionOf } from "./suppressions";

const DIRECTIVES: readonly { name: string; doc: string }[] = [
  {
    name: DISABLE_NEXT_LINE,
    doc: "Silences the named rules on the next line that is not a comment: `# unitsmith-disable-next-line <rule-id>[, <rule-id>]`.",
  },
  { name: DISABLE_FILE, doc: "Silences the named rules in the whole file: `# unitsmith-disable <rule-id>[, <rule-id>]`." },
];

const NOTE =
  "Text after ` --` is a note for readers. A suppression that silences nothing is reported as `unused-suppression`. systemd reads the line as a comment.";

/**
 * Completion in a comment line: the two suppression directives after the comment marker, and rule
 * ids (those not named yet) after a directive; undefined when the cursor is elsewhere.
 */
export function suppressionCompletions(file: UnitFile, comment: CommentNode, offset: number): CompletionItem[] | undefined {
  if (comment.insideContinuation) return undefined;
  const before = file.text.slice(comment.start, offset);
  const rangeOf = (word: string) => file.lines.rangeOf(offset - word.length, offset);
  const first = /^[#;]\s*([\w-]*)$/.exec(before);
  if (first) {
    const word = first[1]!;
    if (!DIRECTIVES.some(({ name }) => name.startsWith(word))) return undefined;
    return DIRECTIVES.map(({ name, doc }) => ({
      label: name,
      kind: CompletionItemKind.Keyword,
      documentation: { kind: "markdown", value: `${doc}\n\n${NOTE}` },
      textEdit: { range: rangeOf(word), newText: `${name} ` },
    }));
  }
  const listed = /^[#;]\s*unitsmith-disable(?:-next-line)?\s+((?:[\w-]+\s*,?\s*)*?)([\w-]*)$/.exec(before);
  if (!listed || before.includes(" --")) return undefined;
  const named = new Set(listed[1]!.split(/[\s,]+/));
  const word = listed[2]!;
  return allRules
    .filter((rule) => !named.has(rule.id))
    .map((rule) => ({
      label: rule.id,
      kind: CompletionItemKind.EnumMember,
      detail: `default: ${rule.defaultSeverity}`,
      documentation: rule.description,
      textEdit: { range: rangeOf(word), newText: rule.id },
    }));
}

/** Hover on a suppression comment's directive (what it does) or on a rule id it names (the rule and its page). */
export function suppressionHover(file: UnitFile, comment: CommentNode, offset: number, rulePages?: string): Hover | undefined {
  const suppression = suppressionOf(file, comment);
  if (!suppression) return undefined;
  const markdown = (value: string, start: number, end: number): Hover => ({
    contents: { kind: "markdown", value },
    range: file.lines.rangeOf(start, end),
  });
  const { directiveSpan } = suppression;
  if (offset >= directiveSpan.start && offset <= directiveSpan.end) {
    const directive = DIRECTIVES.find(({ name }) => name === file.text.slice(directiveSpan.start, directiveSpan.end))!;
    return markdown(`**${directive.name}**\n\n${directive.doc}\n\n${NOTE}`, directiveSpan.start, directiveSpan.end);
  }
  const named = suppression.rules.find(({ span }) => offset >= span.start && offset <= span.end);
  if (!named) return undefined;
  const rule = allRules.find(({ id }) => id === named.id);
  const text = rule
    ? `**${rule.id}** (default: ${rule.defaultSeverity})\n\n${rule.description}${rulePages ? `\n\n[The rule's page](${rulePageOf(rulePages, rule.id)})` : ""}`
    : `"${named.id}" is no rule of Unitsmith; this name silences nothing.`;
  return markdown(text, named.span.start, named.span.end);
}
