import type { Diagnostic } from "vscode-languageserver-types";
import { ruleDiagnostic, type LintSeverities } from "./diagnostics";
import { byPosition } from "./mergeDiagnostics";
import type { CommentNode, Span, UnitFile } from "./parser";
import { allRules } from "./rules/registry";
import { unusedSuppression } from "./rules/suppression";

export const DISABLE_NEXT_LINE = "unitsmith-disable-next-line";
export const DISABLE_FILE = "unitsmith-disable";

/** A rule id named in a suppression comment, with where it is written. */
export interface SuppressedRule {
  id: string;
  span: Span;
}

export interface Suppression {
  comment: CommentNode;
  /** The directive word: the whole file, or the next line that is not a comment. */
  scope: "file" | "next-line";
  directiveSpan: Span;
  rules: SuppressedRule[];
  /** The lines it silences (next-line only): the first and last physical line of the node after it. */
  lines?: { first: number; last: number };
}

/** `# unitsmith-disable-next-line a, b -- why` or `# unitsmith-disable a`; what follows " --" is a free note. */
const COMMENT = /^[#;]\s*(unitsmith-disable(?:-next-line)?)(?=\s|$)/;

/** The suppression a comment holds, if any; a comment inside a continued value is value text to systemd, and holds none. */
export function suppressionOf(file: UnitFile, comment: CommentNode): Omit<Suppression, "lines"> | undefined {
  if (comment.insideContinuation) return undefined;
  const text = file.text.slice(comment.start, comment.contentEnd);
  const match = COMMENT.exec(text);
  if (!match) return undefined;
  const directive = match[1]!;
  const directiveStart = comment.start + text.indexOf(directive);
  const listStart = match[0].length;
  const note = text.indexOf(" --", listStart);
  const list = text.slice(listStart, note < 0 ? text.length : note);
  const rules = [...list.matchAll(/[^\s,]+/g)].map((id) => ({
    id: id[0],
    span: { start: comment.start + listStart + id.index, end: comment.start + listStart + id.index + id[0].length },
  }));
  return {
    comment,
    scope: directive === DISABLE_FILE ? "file" : "next-line",
    directiveSpan: { start: directiveStart, end: directiveStart + directive.length },
    rules,
  };
}

/** Every suppression comment of the file, each next-line one with the lines it covers. */
export function suppressionsOf(file: UnitFile): Suppression[] {
  const found: Suppression[] = [];
  const lineOf = (offset: number) => file.lines.positionAt(offset).line;
  file.nodes.forEach((node, i) => {
    if (node.kind !== "comment") return;
    const suppression = suppressionOf(file, node);
    if (!suppression) return;
    if (suppression.scope === "file") return void found.push(suppression);
    const next = file.nodes.slice(i + 1).find((later) => later.kind !== "comment");
    found.push({ ...suppression, ...(next && { lines: { first: lineOf(next.start), last: lineOf(next.contentEnd) } }) });
  });
  return found;
}

const knownRules = new Set(allRules.map((rule) => rule.id));

const silences = (suppression: Suppression, id: string, diagnostic: Diagnostic) =>
  diagnostic.code === id &&
  (suppression.scope === "file" ||
    (suppression.lines !== undefined &&
      diagnostic.range.start.line >= suppression.lines.first &&
      diagnostic.range.start.line <= suppression.lines.last));

/**
 * The diagnostics the file's suppression comments leave, plus an unused-suppression finding for
 * each rule a comment names but silences nothing of. A rule set to "ignore" reports nothing to
 * silence, so naming it is not reported; unused-suppression can itself be disabled for the file.
 */
export function applySuppressions(file: UnitFile, diagnostics: readonly Diagnostic[], severities: LintSeverities): Diagnostic[] {
  const suppressions = suppressionsOf(file);
  if (suppressions.length === 0) return [...diagnostics];
  const used = new Set<SuppressedRule>();
  const kept = diagnostics.filter((diagnostic) => {
    let silenced = false;
    for (const suppression of suppressions) {
      for (const rule of suppression.rules) {
        if (silences(suppression, rule.id, diagnostic)) {
          used.add(rule);
          silenced = true;
        }
      }
    }
    return !silenced;
  });
  const unused: Diagnostic[] = [];
  for (const suppression of suppressions) {
    if (suppression.rules.length === 0) {
      const range = file.lines.rangeOf(suppression.directiveSpan.start, suppression.directiveSpan.end);
      const finding = ruleDiagnostic(
        unusedSuppression,
        range,
        `${directiveName(suppression)} names no rule, so it silences nothing.`,
        severities,
      );
      if (finding) unused.push(finding);
    }
    for (const rule of suppression.rules) {
      if (used.has(rule) || (knownRules.has(rule.id) && severities[rule.id] === "ignore")) continue;
      const range = file.lines.rangeOf(rule.span.start, rule.span.end);
      const message = knownRules.has(rule.id)
        ? `${rule.id} reports nothing ${suppression.scope === "file" ? "in this file" : "on the next line"}, so this suppression silences nothing; remove it.`
        : `"${rule.id}" is no rule of Unitsmith, so this suppression silences nothing.`;
      const finding = ruleDiagnostic(unusedSuppression, range, message, severities);
      if (finding) unused.push(finding);
    }
  }
  const selfSilenced = suppressions.some((s) => s.scope === "file" && s.rules.some((rule) => rule.id === unusedSuppression.id));
  return selfSilenced ? kept : [...kept, ...unused].sort(byPosition);
}

const directiveName = (suppression: Suppression) => (suppression.scope === "file" ? DISABLE_FILE : DISABLE_NEXT_LINE);
