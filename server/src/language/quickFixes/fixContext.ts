import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from "vscode-languageserver-types";
import type { EntryNode, Section, UnitFile } from "../parser";
import type { FileSchema } from "../schema/fileSchema";
import type { UnitKind } from "../unitKind";

/** What a quick fix gets: the document, the diagnostic it answers, and the entry that diagnostic is on. */
export interface FixContext {
  file: UnitFile;
  kind: UnitKind;
  schema: FileSchema | undefined;
  uri: string;
  diagnostic: Diagnostic;
  entry: EntryNode | undefined;
  section: Section | undefined;
}

/** Builds the quick fixes for one diagnostic code. */
export type Fix = (context: FixContext) => CodeAction[];

export function quickFix(context: FixContext, title: string, edits: TextEdit[], preferred = false): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [context.diagnostic],
    ...(preferred && { isPreferred: true }),
    edit: { changes: { [context.uri]: edits } },
  };
}

/** The diagnostic's data as a record, whatever the client sent back. */
export function dataOf(diagnostic: Diagnostic): Record<string, unknown> {
  const data: unknown = diagnostic.data;
  return typeof data === "object" && data !== null ? (data as Record<string, unknown>) : {};
}

export function stringsIn(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
