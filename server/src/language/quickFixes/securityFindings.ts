import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction,
  type Diagnostic,
  type Range,
  type TextEdit,
} from "vscode-languageserver-types";
import type { EntryNode, Section, UnitFile } from "../parser";
import type { SecurityFinding } from "../../protocol/operationResults";
import { hardeningDirective, type HardeningDirective } from "./hardeningDirectives";
import { keepsCommandWorking } from "./hardeningRisks";

export const SECURITY_SOURCE = "systemd-analyze security";

const rangeOf = (file: UnitFile, start: number, end: number): Range => ({
  start: file.lines.positionAt(start),
  end: file.lines.positionAt(end),
});

const serviceSections = (file: UnitFile): Section[] => file.sections.filter((section) => section.name === "Service");

function lastEntry(file: UnitFile, key: string): EntryNode | undefined {
  return serviceSections(file)
    .flatMap((section) => section.entries)
    .filter((entry) => entry.key === key)
    .at(-1);
}

/** Where a finding is shown: on the directive it is about when the file sets it, else on [Service], else at the top. */
function findingRange(file: UnitFile, directive: HardeningDirective | undefined): Range {
  const entry = directive && lastEntry(file, directive.key);
  if (entry) return rangeOf(file, entry.start, entry.contentEnd);
  const header = serviceSections(file)[0]?.header;
  if (header) return rangeOf(file, header.start, header.contentEnd);
  return rangeOf(file, 0, file.lines.lineContentEnd(0));
}

/** The failed checks of a service as diagnostics: code is the check's id ("PrivateTmp="), so a quick fix can find its directive. */
export function securityDiagnostics(findings: readonly SecurityFinding[], file: UnitFile): Diagnostic[] {
  return findings
    .filter((finding) => finding.set === false && (finding.exposure ?? 0) > 0)
    .map((finding) => {
      const directive = hardeningDirective(finding.id);
      const line = directive && `${directive.key}=${directive.value}`;
      const advice = !directive
        ? ""
        : keepsCommandWorking(directive, file)
          ? ` Consider ${line}.`
          : ` ${line} could stop this service's command from working, so it is left for you to decide.`;
      return {
        range: findingRange(file, directive),
        severity: DiagnosticSeverity.Information,
        source: SECURITY_SOURCE,
        code: finding.id,
        message: `${finding.description} (exposure ${finding.exposure}).${advice}`,
      };
    });
}

/** The edit that puts the directive in the [Service] section (replacing the last assignment of a key that does not add up). */
export function hardeningEdit(file: UnitFile, directive: HardeningDirective): TextEdit {
  const line = `${directive.key}=${directive.value}`;
  const existing = directive.accumulates ? undefined : lastEntry(file, directive.key);
  if (existing) return { range: rangeOf(file, existing.valueSpan.start, existing.valueSpan.end), newText: directive.value };
  const section = serviceSections(file).at(-1);
  if (section) {
    const after = section.entries.at(-1)?.contentEnd ?? section.header.contentEnd;
    return { range: rangeOf(file, after, after), newText: `\n${line}` };
  }
  const end = file.text.length;
  const separator = end === 0 ? "" : file.text.endsWith("\n") ? "\n" : "\n\n";
  return { range: rangeOf(file, end, end), newText: `${separator}[Service]\n${line}\n` };
}

/** The directives with the lines that add up merged into one per key (`CapabilityBoundingSet=~CAP_A CAP_B`). */
export function merged(directives: readonly HardeningDirective[]): HardeningDirective[] {
  const byKey = new Map<string, HardeningDirective>();
  for (const directive of directives) {
    const known = byKey.get(directive.key);
    if (known?.accumulates && directive.accumulates) {
      byKey.set(directive.key, { ...known, value: `${known.value} ${directive.value.replace(/^~/, "")}` });
    } else if (!known) {
      byKey.set(directive.key, directive);
    }
  }
  return [...byKey.values()];
}

/** The edits that add every directive (one insertion for the new lines, in place for those the file sets). */
export function hardenAllEdits(file: UnitFile, directives: readonly HardeningDirective[]): TextEdit[] {
  const edits = directives.map((directive) => hardeningEdit(file, directive));
  const replacements = edits.filter(
    (edit) => edit.range.start.line !== edit.range.end.line || edit.range.start.character !== edit.range.end.character,
  );
  const inserts = edits.filter((edit) => !replacements.includes(edit));
  const [first] = inserts;
  if (!first) return replacements;
  // Inserts all land at the same place: one edit with the new lines, without repeating a [Service] header.
  const lines = inserts.map((edit) => edit.newText.replace(/^\n*(\[Service\]\n)?/, "").replace(/\n$/, ""));
  const header = /^\n*\[Service\]\n/.exec(first.newText)?.[0] ?? "\n";
  const trailer = first.newText.endsWith("\n") ? "\n" : "";
  return [...replacements, { range: first.range, newText: `${header}${lines.join("\n")}${trailer}` }];
}

/**
 * Quick fixes for the security diagnostics among `diagnostics` (others are ignored): one "Harden
 * this service" action with every directive that keeps the command working, and a fix of its own
 * for a finding on a directive the file already sets (when changing it keeps the command working).
 * Directives that may stop the command (MemoryDenyWriteExecute= for a JIT runtime, PrivateNetwork=)
 * are left for the user to add knowingly.
 */
export function securityCodeActions(uri: string, file: UnitFile, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const safe = new Map<string, { directive: HardeningDirective; diagnostics: Diagnostic[] }>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== SECURITY_SOURCE || typeof diagnostic.code !== "string") continue;
    const directive = hardeningDirective(diagnostic.code);
    if (!directive || !keepsCommandWorking(directive, file)) continue;
    const line = `${directive.key}=${directive.value}`;
    const known = safe.get(line) ?? safe.set(line, { directive, diagnostics: [] }).get(line)!;
    known.diagnostics.push(diagnostic);
  }
  if (safe.size === 0) return [];
  const all = [...safe.values()];
  const lines = merged(all.map((each) => each.directive));
  const harden: CodeAction = {
    title: `Harden this service (${lines.length} line${lines.length === 1 ? "" : "s"} that keep its command working)`,
    kind: CodeActionKind.QuickFix,
    diagnostics: all.flatMap((each) => each.diagnostics),
    edit: { changes: { [uri]: hardenAllEdits(file, lines) } },
  };
  const inPlace = all
    .filter(({ directive }) => !directive.accumulates && lastEntry(file, directive.key))
    .map(({ directive, diagnostics: fixed }) => ({
      title: `Change to ${directive.key}=${directive.value}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: fixed,
      isPreferred: true,
      edit: { changes: { [uri]: [hardeningEdit(file, directive)] } },
    }));
  return [...inPlace, harden];
}
