/**
 * `KEY=value` lines as systemd's environment file parser reads them (environment.d, os-release):
 * comments start a line with # or ;, whitespace around the key and an unquoted value is dropped,
 * "…" and '…' quote, a backslash escapes the next character and, at the end of a line, joins the next.
 */
import type { LineFinding } from "./lineFormat";
import { finding, quotedText } from "./lines";
import { duplicateEntry, invalidField, malformedEntry } from "./rules";

export interface Assignment {
  line: number;
  key: string;
  keyStart: number;
  keyEnd: number;
  /** The value with quotes and escapes removed. */
  value: string;
  valueStart: number;
  valueEnd: number;
  /** Whether an unquoted part of the value holds whitespace (which a shell would split). */
  unquotedSpace: boolean;
}

export type AssignmentLine =
  | { kind: "assignment"; assignment: Assignment }
  | { kind: "no-equals"; start: number; end: number }
  | { kind: "unterminated"; start: number; end: number };

/** Reads the assignment starting at `line`; `continued` tells how many more lines a trailing backslash took in. */
export function readAssignment(lines: readonly string[], line: number): { read: AssignmentLine; continued: number } {
  const text = lines[line]!;
  const equals = text.indexOf("=");
  if (equals < 0) return { read: { kind: "no-equals", start: text.search(/\S/), end: text.trimEnd().length }, continued: 0 };
  const keyStart = text.search(/\S/);
  const key = text.slice(keyStart, equals).trimEnd();
  let value = "";
  let quote: string | undefined;
  let unquotedSpace = false;
  let pendingSpace = "";
  let current = line;
  let i = equals + 1;
  let row = text;
  while (i < row.length && /[ \t]/.test(row[i]!)) i++;
  const valueStart = i;
  for (;;) {
    if (i >= row.length) {
      if (quote === undefined || current + 1 >= lines.length) break;
      value += "\n";
      current++;
      row = lines[current]!;
      i = 0;
      continue;
    }
    const c = row[i]!;
    if (c === "\\") {
      if (i + 1 >= row.length) {
        // A backslash at the end of a line joins the next line.
        if (current + 1 >= lines.length) break;
        current++;
        row = lines[current]!;
        i = 0;
        continue;
      }
      value += pendingSpace + row[i + 1];
      pendingSpace = "";
      i += 2;
      continue;
    }
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      else value += c;
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      value += pendingSpace;
      pendingSpace = "";
      quote = c;
      i++;
      continue;
    }
    if (/[ \t]/.test(c)) {
      pendingSpace += c;
      i++;
      continue;
    }
    if (pendingSpace) unquotedSpace = true;
    value += pendingSpace + c;
    pendingSpace = "";
    i++;
  }
  if (quote !== undefined) return { read: { kind: "unterminated", start: valueStart, end: text.length }, continued: current - line };
  const assignment = {
    line,
    key,
    keyStart,
    keyEnd: keyStart + key.length,
    value,
    valueStart,
    valueEnd: current === line ? text.trimEnd().length : text.length,
    unquotedSpace,
  };
  return { read: { kind: "assignment", assignment }, continued: current - line };
}

/** Every assignment line of a file, and the lines that are none. */
export function readAssignments(lines: readonly string[], comments = "#;"): { line: number; read: AssignmentLine }[] {
  const out: { line: number; read: AssignmentLine }[] = [];
  for (let line = 0; line < lines.length; line++) {
    const trimmed = lines[line]!.trimStart();
    if (trimmed === "" || comments.includes(trimmed[0]!)) continue;
    const { read, continued } = readAssignment(lines, line);
    out.push({ line, read });
    line += continued;
  }
  return out;
}

export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface AssignmentChecks {
  /** Who reads the file, for messages: "the generator", "readers". */
  reader: string;
  /** A finding about the value, if any; the line's other checks have passed. */
  value?(assignment: Assignment): LineFinding | undefined;
  /** Whether a later assignment of the same name leaves the earlier one in effect (it uses it, say). */
  keepsEarlier?(later: Assignment): boolean;
}

/** The findings of a file of assignments: lines that are none, names that are none, values, and names set twice. */
export function checkAssignments(lines: readonly string[], checks: AssignmentChecks): LineFinding[] {
  const findings: LineFinding[] = [];
  const last = new Map<string, Assignment>();
  for (const { line, read } of readAssignments(lines, "#")) {
    if (read.kind === "no-equals")
      findings.push(finding(malformedEntry, line, read.start, read.end, `A line without = sets nothing; ${checks.reader} ignore it.`));
    else if (read.kind === "unterminated")
      findings.push(finding(malformedEntry, line, read.start, read.end, "The quote opened here is never closed."));
    else {
      const a = read.assignment;
      const problem = ENV_NAME.test(a.key)
        ? checks.value?.(a)
        : finding(
            invalidField,
            line,
            a.keyStart,
            a.keyEnd,
            `${quotedText(a.key)} is not a variable name (letters, digits and _, not a digit first); ${checks.reader} ignore the line.`,
          );
      if (problem) {
        findings.push(problem);
        continue;
      }
      const earlier = last.get(a.key);
      if (earlier && !checks.keepsEarlier?.(a))
        findings.push(
          finding(
            duplicateEntry,
            earlier.line,
            earlier.keyStart,
            earlier.keyEnd,
            `Line ${line + 1} sets ${a.key} again, so this line takes no effect.`,
          ),
        );
      last.set(a.key, a);
    }
  }
  return findings;
}
