/** The language service as the tests use it: on a host that knows only what a test gives it. */
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic, Position } from "vscode-languageserver-types";
import { fileUri } from "../src/language/fileUri";
import {
  createUnitLanguageService,
  emptyHost,
  type UnitLanguageHost,
  type UnitLanguageService,
  type UnitLanguageSettings,
} from "../src/language/languageService";
import { LANGUAGE_ID } from "../src/protocol/languageId";
import { createManPageLibrary } from "../src/systemd/manPages";
import { createNodeHost } from "../src/workspace/nodeHost";

export function testService(host: Partial<UnitLanguageHost> = {}, settings: Partial<UnitLanguageSettings> = {}): UnitLanguageService {
  return createUnitLanguageService({ ...emptyHost(), ...host }, settings);
}

/** A document at `path`: a file URI for an absolute path, an untitled one (whose path is `path`) otherwise. */
export function documentOf(path: string, text: string, version = 1): TextDocument {
  const uri = path.startsWith("/") ? fileUri(path) : `untitled:${path.split("/").map(encodeURIComponent).join("/")}`;
  return TextDocument.create(uri, LANGUAGE_ID, version, text);
}

/** Splits a fixture at its `|` cursor marker into the document and the cursor position. */
export function atCursor(path: string, textWithCursor: string): { document: TextDocument; position: Position } {
  const offset = textWithCursor.indexOf("|");
  if (offset < 0) throw new Error("fixture has no | cursor marker");
  const document = documentOf(path, textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1));
  return { document, position: document.positionAt(offset) };
}

/** The service as the language server runs it on this machine (its directories, no workspace folders), at default settings. */
export function machineService(): UnitLanguageService {
  return createUnitLanguageService(createNodeHost(createManPageLibrary()));
}

let sharedMachineService: UnitLanguageService | undefined;

/**
 * What the language server publishes for `text` at the absolute `path` on this machine, before any
 * verify: from one service for every call, as the server has one for every document (a service
 * of its own per call would read the machine's unit files again each time).
 */
export function machineDiagnostics(path: string, text: string): Promise<Diagnostic[]> {
  sharedMachineService ??= machineService();
  return sharedMachineService.diagnostics(documentOf(path, text));
}

/**
 * Diagnostics as the core gives them without rule pages: the built server links each finding to
 * its page beside its bundle, which a service run from the sources does not know.
 */
export function withoutRulePages(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map(({ codeDescription: _page, ...diagnostic }) => diagnostic);
}
