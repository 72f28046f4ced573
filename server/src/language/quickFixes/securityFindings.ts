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
      const advice = directive ? ` Consider ${directive.key}=${directive.value}.` : "";
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

/** Quick fixes for the security diagnostics among `diagnostics` (others are ignored); one action per distinct directive. */
export function securityCodeActions(uri: string, file: UnitFile, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions = new Map<string, CodeAction>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== SECURITY_SOURCE || typeof diagnostic.code !== "string") continue;
    const directive = hardeningDirective(diagnostic.code);
    if (!directive) continue;
    const title = `Add ${directive.key}=${directive.value} to [Service]`;
    const known = actions.get(title);
    if (known) {
      known.diagnostics!.push(diagnostic);
      continue;
    }
    actions.set(title, {
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [uri]: [hardeningEdit(file, directive)] } },
    });
  }
  return [...actions.values()];
}
