import { CodeActionKind, TextDocumentSyncKind, type ServerCapabilities } from "vscode-languageserver";
import { ADD_INSTALL_SECTION_KIND, HARDEN_SERVICE_KIND } from "../protocol/codeActionKinds";
import { semanticTokensLegend } from "../protocol/semanticTokenLegend";
import { UNIT_TYPES } from "../language/unitKind";

/** Unit files, whose renaming renames a unit. */
const UNIT_FILE_GLOB = `**/*.{${UNIT_TYPES.join(",")}}`;
/** The pause diagnostics wait for while keys come faster than a document is analysed. */
export const DIAGNOSTICS_DELAY_MS = 150;

/**
 * What the server answers, the same in every build (Node and browser): the authoring features of
 * the language service, the commands the build executes, and renames of unit files on disk. It
 * imports no part of the language service, so the Node server answers initialize before loading one.
 */
export function serverCapabilities(commands: readonly string[]): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    documentSymbolProvider: { label: "Unitsmith" },
    completionProvider: { triggerCharacters: ["[", "=", "%", " ", "/"], resolveProvider: true },
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
    renameProvider: { prepareProvider: true },
    codeLensProvider: { resolveProvider: true },
    signatureHelpProvider: { triggerCharacters: ["=", " ", ":", "/"], retriggerCharacters: ["-", ","] },
    workspaceSymbolProvider: true,
    documentLinkProvider: { resolveProvider: false },
    selectionRangeProvider: true,
    inlayHintProvider: true,
    semanticTokensProvider: { legend: semanticTokensLegend, full: true },
    foldingRangeProvider: true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, ADD_INSTALL_SECTION_KIND, HARDEN_SERVICE_KIND] },
    executeCommandProvider: { commands: [...commands] },
    documentFormattingProvider: true,
    documentRangeFormattingProvider: true,
    workspace: {
      fileOperations: {
        willRename: { filters: [{ scheme: "file", pattern: { glob: UNIT_FILE_GLOB, matches: "file" } }] },
      },
    },
  };
}
