import { posix } from "node:path";
import { DiagnosticSeverity, type Diagnostic, type Range } from "vscode-languageserver-types";
import type { VerifyDiagnosticData } from "../language/mergeDiagnostics";
import { parseUnitFile, type Node, type Span, type UnitFile } from "../language/parser";
import { classifyMessage, parseVerifyOutput, type Classification, type VerifyMessage, type VerifySeverity } from "./verifyOutput";
import type { StagedFile, StagingPlan } from "./verifyStaging";

export const VERIFY_SOURCE = "systemd-analyze";

const lspSeverity: Record<VerifySeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

export interface MappingContext {
  plan: StagingPlan;
  /** The directory the plan was staged in. */
  unitDir: string;
  /** The run's XDG_RUNTIME_DIR, which user units see as %t. */
  runtimeDir: string;
  showEnvironmentNoise: boolean;
}

/** The staged copy's absolute path, as systemd-analyze prints it. */
export function stagedPath(unitDir: string, file: StagedFile): string {
  return posix.join(unitDir, file.relativePath);
}

/** The messages of one run, with the staged files and unit names recognised as locations and prefixes. */
export function parseStagedOutput(output: string, plan: StagingPlan, unitDir: string): VerifyMessage[] {
  const files = plan.files.map((file) => stagedPath(unitDir, file));
  const units = plan.files.flatMap((file) => (file.unit ? [file.unit] : []));
  return parseVerifyOutput(output, files, units);
}

/** Puts the user's names back where the message has the staged ones. */
function restoreNames(text: string, context: MappingContext): string {
  let restored = text.split(context.runtimeDir).join("$XDG_RUNTIME_DIR");
  for (const file of context.plan.files) {
    if (file.originalPath) restored = restored.split(stagedPath(context.unitDir, file)).join(file.originalPath);
  }
  for (const file of context.plan.files) {
    if (file.unit && file.originalUnit) restored = restored.split(file.unit).join(file.originalUnit);
  }
  return restored;
}

type Located = Exclude<Node, { kind: "bom" | "blank" | "comment" }>;

/** For each physical line, the entry, header or malformed line on it (continued entries cover several lines). */
function nodesByLine(file: UnitFile): Map<number, Located> {
  const byLine = new Map<number, Located>();
  for (const node of file.nodes) {
    if (node.kind === "bom" || node.kind === "blank" || node.kind === "comment") continue;
    const first = file.lines.positionAt(node.start).line;
    const last = file.lines.positionAt(node.contentEnd).line;
    for (let line = first; line <= last; line++) byLine.set(line, node);
  }
  return byLine;
}

interface Placement {
  span?: Span;
  data: Pick<VerifyDiagnosticData, "directive" | "section">;
}

/** Narrows the range to the key, the value or the section name when the message is about it. */
function place(node: Located | undefined, found: Classification): Placement {
  if (node?.kind === "entry" && (!found.directive || found.directive === node.key)) {
    const directive = { directive: node.key };
    if (found.code === "unknown-key" || found.code === "deprecated" || found.code === "outside-section") {
      return { span: node.keySpan, data: directive };
    }
    if (found.code === "bad-value") {
      return { span: node.valueSpan.end > node.valueSpan.start ? node.valueSpan : node.keySpan, data: directive };
    }
  }
  if (node?.kind === "section" && found.code === "unknown-section" && (!found.section || found.section === node.name)) {
    return { span: node.nameSpan, data: { section: node.name } };
  }
  if (node?.kind === "malformed" && found.code === "invalid-section-header") {
    return { span: node.contentSpan, data: { section: node.content } };
  }
  return { span: node && { start: node.start, end: node.contentEnd }, data: {} };
}

/**
 * With a stand-in parent only the drop-in's own lines say something about it, and so do missing
 * commands (the stand-in runs none); the rest is about what the stand-in lacks.
 */
function aboutStandIn(message: VerifyMessage, from: StagedFile | undefined, found: Classification): boolean {
  if (from?.role === "document") return false;
  return message.file !== undefined || found.code !== "missing-executable";
}

function wholeLine(file: UnitFile, line: number): Range {
  const clamped = Math.min(Math.max(line, 0), file.lines.lineCount - 1);
  const start = file.lines.offsetAt({ line: clamped, character: 0 });
  return file.lines.rangeOf(start, file.lines.lineContentEnd(clamped));
}

/** Where the document's Exec*= entries name the program a "Command … is not executable" message is about. */
function commandSpan(file: UnitFile, message: string): { start: number; end: number } | undefined {
  const program = /^Command (\S+) is not executable/.exec(message)?.[1];
  if (!program) return undefined;
  for (const section of file.sections) {
    for (const entry of section.entries) {
      if (!entry.key.startsWith("Exec")) continue;
      const at = entry.value.indexOf(program);
      if (at >= 0 && at === entry.value.search(/[^@\-:+!]/)) return entry.valueSpan;
    }
  }
  return undefined;
}

/**
 * Turns the messages of one run into diagnostics on the document. Messages located in the document
 * go on their line; everything else goes on line 1, with the other file's name and line in front
 * when it had one.
 */
export function verifyDiagnostics(messages: readonly VerifyMessage[], documentText: string, context: MappingContext): Diagnostic[] {
  const file = parseUnitFile(documentText);
  const nodes = nodesByLine(file);
  const staged = new Map(context.plan.files.map((f) => [stagedPath(context.unitDir, f), f]));
  const standInParent = context.plan.verify.role === "stand-in";
  const diagnostics: Diagnostic[] = [];

  for (const message of messages) {
    const from = message.file === undefined ? undefined : staged.get(message.file);
    const found = classifyMessage(message.text);
    if (standInParent && aboutStandIn(message, from, found)) continue;
    if (found.environmentDependent && !context.showEnvironmentNoise) continue;

    let range: Range;
    let text = restoreNames(message.text, context);
    let subject: Placement["data"] = {};
    if (from?.role === "document" && message.line !== undefined) {
      const line = message.line - 1;
      const placement = place(nodes.get(line), found);
      range = placement.span ? file.lines.rangeOf(placement.span.start, placement.span.end) : wholeLine(file, line);
      subject = placement.data;
    } else if (found.code === "missing-executable" && commandSpan(file, message.text)) {
      // systemd names the program but not the line: point at the Exec*= value that runs it.
      const span = commandSpan(file, message.text)!;
      range = file.lines.rangeOf(span.start, span.end);
    } else {
      range = wholeLine(file, 0);
      const where = from ? from.originalPath : message.file && restoreNames(message.file, context);
      if (where) text = `${where}:${message.line}: ${text}`;
    }
    const data: VerifyDiagnosticData = { environmentDependent: found.environmentDependent, ...subject };
    diagnostics.push({
      range,
      severity: lspSeverity[found.severity],
      ...(found.code && { code: found.code }),
      source: VERIFY_SOURCE,
      message: text,
      data,
    });
  }
  // "Unit foo.service has a bad unit file setting." only sums up the errors printed before it.
  const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
  const kept = errors.length > 1 ? diagnostics.filter((d) => d.code !== "bad-setting") : diagnostics;
  return kept.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
