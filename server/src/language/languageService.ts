/**
 * The one way into the language core: every front end (the language server's handlers, the CLI,
 * a browser worker, the tests) creates a service with a host and calls its features. The service
 * keeps the parse of each document version, asks the host for what it needs of the machine, and
 * shapes its answers to what the client can show.
 */
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentHighlight,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  MarkupContent,
  Position,
  Range,
  SelectionRange,
  SemanticTokens,
  SymbolInformation,
  TextEdit,
} from "vscode-languageserver-types";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { analyze, diagnose, oversized, type Analysis } from "./analysis";
import { completionItemFor, completionItemsFor, FULL_CLIENT, hoverFor, type ClientFeatures } from "./clientFeatures";
import { codeActions } from "./codeActions";
import { completions, resolveDirectiveItem } from "./completion";
import { definition } from "./definition";
import type { LintSeverities } from "./diagnostics";
import { documentLinks, manPageDocumentUri } from "./documentLinks";
import { pathOfUri } from "./fileUri";
import { foldingRanges } from "./folding";
import { defaultFormattingOptions, formatText, formattingEdits, type FormattingOptions } from "./formatting";
import { documentHighlights } from "./highlights";
import { hover } from "./hover";
import type { ScheduleContext } from "./calendar/timerSchedule";
import type { UnitLanguageHost } from "./host";
import { inlayHints } from "./inlayHints";
import { mergeDiagnostics } from "./mergeDiagnostics";
import type { UnitFile } from "./parser";
import { securityCodeActions } from "./quickFixes/securityFindings";
import { withWorkspaceScope } from "./scopeGlobs";
import { referenceSubject } from "./references";
import { findUnitReferences } from "./referenceSearch";
import type { TargetSystemd } from "./rules/rule";
import { selectionRanges } from "./selectionRanges";
import { semanticTokens } from "./semanticTokens";
import type { SnippetFile } from "./snippets";
import { effectiveUnit, loadUnit, type EffectiveUnit } from "./effectiveUnit/effectiveUnit";
import type { Scope } from "./unitKind";
import { documentSymbols } from "./symbols";
import { workspaceSymbols } from "./workspaceSymbols";
import { resolveUnitItem } from "./valueCompletion";

export { clientFeaturesOf, type ClientCapabilitiesSubset, type ClientFeatures } from "./clientFeatures";
export { semanticTokensLegend } from "./semanticTokens";
export { ADD_INSTALL_SECTION_KIND } from "./codeActions";
export { emptyHost, type UnitLanguageHost, type ManualText, type DirectiveManualHint } from "./host";
export type { Analysis } from "./analysis";
export { renderEffectiveUnit, type EffectiveUnit } from "./effectiveUnit/effectiveUnit";

export interface UnitLanguageSettings {
  /** Larger documents are not analysed; one diagnostic says so. */
  maxFileSizeKB: number;
  /** Rule id → severity or "ignore"; rules not named keep their default. */
  severities: LintSeverities;
  /** The systemd the units are written for. */
  target: TargetSystemd;
  /** Globs of the files written for the user manager wherever they lie (`unitsmith.userUnitFiles`). */
  userUnitFiles: readonly string[];
  format: FormattingOptions;
  inlayHints: { specifiers: boolean; timeSpans: boolean; calendarElapses: boolean };
  /** Where Documentation= man: links lead: a web page, or a document the client renders (MAN_PAGE_SCHEME). */
  manPageLinks: "web" | "document";
  /** The time and zone a timer's elapses are shown against; now and the runtime's zone by default. */
  clock?: () => ScheduleContext;
  /** Offered outside sections where the client takes snippets and has none of its own. */
  snippets?: SnippetFile;
  client: ClientFeatures;
}

export const DEFAULT_LANGUAGE_SETTINGS: UnitLanguageSettings = {
  maxFileSizeKB: 2048,
  severities: {},
  target: {},
  userUnitFiles: [],
  format: defaultFormattingOptions,
  inlayHints: { specifiers: false, timeSpans: false, calendarElapses: false },
  manPageLinks: "web",
  client: FULL_CLIENT,
};

export interface CodeActionRequest {
  /** The diagnostics the client sends back with the request, with their data. */
  diagnostics: readonly Diagnostic[];
  /** The client's kind filter. */
  only?: readonly string[];
}

export interface UnitLanguageService {
  /** Changes some settings; the others stay. */
  configure(settings: Partial<UnitLanguageSettings>): void;
  readonly settings: Readonly<UnitLanguageSettings>;
  /** The parse of this document version (cached until the version or the size limit changes). */
  analyze(document: TextDocument): Analysis;
  /** Drops what the service keeps for a closed document. */
  forget(uri: string): void;
  /** The core's findings, merged with `outside` ones (systemd-analyze verify, security) that say the same. */
  diagnostics(document: TextDocument, outside?: readonly Diagnostic[]): Promise<Diagnostic[]>;
  /** The diagnostics of a file its caller measured as `length` characters without reading it: one, if it is over the limit. */
  unreadDiagnostics(path: string, length: number): Diagnostic[];
  completion(document: TextDocument, position: Position): Promise<CompletionItem[]>;
  resolveCompletion(item: CompletionItem): Promise<CompletionItem>;
  hover(document: TextDocument, position: Position): Promise<Hover | null>;
  definition(document: TextDocument, position: Position): Promise<Location[]>;
  references(document: TextDocument, position: Position, signal?: AbortSignal): Promise<Location[]>;
  documentLinks(document: TextDocument): Promise<DocumentLink[]>;
  documentSymbols(document: TextDocument): DocumentSymbol[];
  foldingRanges(document: TextDocument): FoldingRange[];
  selectionRanges(document: TextDocument, positions: readonly Position[]): SelectionRange[];
  inlayHints(document: TextDocument, range: Range): Promise<InlayHint[]>;
  semanticTokens(document: TextDocument): SemanticTokens;
  /** Edits that format the document, or only the lines of `range`. */
  format(document: TextDocument, range?: Range): TextEdit[];
  /** The whole document formatted; undefined when it is too large to analyse. */
  formattedText(document: TextDocument): string | undefined;
  codeActions(document: TextDocument, request: CodeActionRequest): CodeAction[];
  /** Every place in the document that names the unit or directive under the cursor. */
  documentHighlights(document: TextDocument, position: Position): DocumentHighlight[];
  /** The workspace's units, and their directives whose names match `query`. */
  workspaceSymbols(query: string, signal?: AbortSignal): Promise<SymbolInformation[]>;
  /** The unit this document is (or extends) as systemd would load it with the document installed; undefined for other files. */
  effectiveUnit(document: TextDocument): Promise<EffectiveUnit | undefined>;
  /** An installed unit as systemd loads it from the scope's unit directories. */
  installedUnit(unit: string, scope: Scope): Promise<EffectiveUnit>;
}

/** How much of an unopened file a reference search reads. */
const REFERENCE_BYTES = 256 * 1024;
/** How much of an unopened unit file or drop-in the effective unit reads. */
const UNIT_FILE_BYTES = 1024 * 1024;

const directoryOf = (path: string) => path.slice(0, Math.max(1, path.lastIndexOf("/")));

export function createUnitLanguageService(host: UnitLanguageHost, settings: Partial<UnitLanguageSettings> = {}): UnitLanguageService {
  let current: UnitLanguageSettings = { ...DEFAULT_LANGUAGE_SETTINGS, ...settings };
  const parses = new Map<string, { version: number; maxFileSizeKB: number; userUnitFiles: string; analysis: Analysis; text: string }>();

  const analysisOf = (document: TextDocument): Analysis => {
    const cached = parses.get(document.uri);
    const text = document.getText();
    // The text decides, not only the version: front ends other than an editor may reuse a version number.
    const userUnitFiles = current.userUnitFiles.join(",");
    if (
      cached &&
      cached.version === document.version &&
      cached.text === text &&
      cached.maxFileSizeKB === current.maxFileSizeKB &&
      cached.userUnitFiles === userUnitFiles
    ) {
      return cached.analysis;
    }
    const path = pathOfUri(document.uri);
    const parsed = analyze(text, path, current.maxFileSizeKB);
    const analysis = { ...parsed, kind: withWorkspaceScope(parsed.kind, path, current.userUnitFiles) };
    parses.set(document.uri, { version: document.version, maxFileSizeKB: current.maxFileSizeKB, userUnitFiles, analysis, text });
    return analysis;
  };

  /** The parsed file and its kind, or undefined when the document is too large to analyse. */
  const parsed = (document: TextDocument): { file: UnitFile; kind: Analysis["kind"] } | undefined => {
    const analysis = analysisOf(document);
    return analysis.file ? { file: analysis.file, kind: analysis.kind } : undefined;
  };

  /** What the machine says that completion, hover and hints show for a document. */
  const environment = async (document: TextDocument, kind: Analysis["kind"]) => {
    const [units, facts] = await Promise.all([host.units(kind.scope ?? "system"), host.hostFacts()]);
    return { units, specifiers: { path: pathOfUri(document.uri), host: facts } };
  };

  /** An open document's text wins over the file on disk. */
  const openText = (path: string): string | undefined => {
    for (const [uri, entry] of parses) if (pathOfUri(uri) === path) return entry.text;
    return undefined;
  };
  const readText = async (path: string, maxBytes: number) => openText(path) ?? host.readFile(path, maxBytes);

  return {
    configure(next) {
      current = { ...current, ...next };
    },
    get settings() {
      return current;
    },
    analyze: analysisOf,
    forget(uri) {
      parses.delete(uri);
    },

    async diagnostics(document, outside = []) {
      const analysis = analysisOf(document);
      const siblings = analysis.file ? await host.listDirectory(directoryOf(pathOfUri(document.uri))) : undefined;
      const own = diagnose(analysis, {
        severities: current.severities,
        target: current.target,
        // Unknown where the directory cannot be listed: rules about the unit beside then stay silent.
        ...(siblings && { siblingUnits: new Set(siblings.map((entry) => entry.name)) }),
      });
      return mergeDiagnostics(own, outside);
    },

    unreadDiagnostics: (path, length) => diagnose(oversized(path, length, current.maxFileSizeKB), { severities: current.severities }),

    async completion(document, position) {
      const found = parsed(document);
      if (!found) return [];
      const env = await environment(document, found.kind);
      const items = await completions({
        ...found,
        position,
        target: current.target,
        units: env.units,
        listDirectory: (path) => host.listDirectory(path),
        specifiers: env.specifiers,
        ...(current.snippets && current.client.snippets && { snippets: current.snippets }),
      });
      return completionItemsFor(items, current.client);
    },

    async resolveCompletion(item) {
      const directive = resolveDirectiveItem(item, current.target);
      const resolved = directive === item ? resolveUnitItem(item, await host.units("system")) : directive;
      return completionItemFor(resolved, current.client);
    },

    async hover(document, position) {
      const found = parsed(document);
      if (!found) return null;
      const env = await environment(document, found.kind);
      const schedule = current.clock?.();
      const result = hover({
        ...found,
        position,
        target: current.target,
        units: env.units,
        specifiers: env.specifiers,
        ...(schedule && { schedule }),
      });
      if (!result) return null;
      const directive = result.directive;
      const manual =
        directive && directive.family !== "quadlet"
          ? await host.directiveManual(directive.name, { ...(directive.doc && { page: directive.doc.page }), section: directive.section })
          : undefined;
      const contents = result.hover.contents as MarkupContent;
      const withManual: Hover = manual
        ? {
            ...result.hover,
            contents: {
              kind: "markdown",
              value: `${contents.value}\n\n---\n\n*From the installed ${manual.reference}:*\n\n${manual.markdown}`,
            },
          }
        : result.hover;
      return hoverFor(withManual, current.client);
    },

    async definition(document, position) {
      const found = parsed(document);
      if (!found) return [];
      return definition(found.file, found.kind, position, await host.units(found.kind.scope ?? "system"));
    },

    async references(document, position, signal) {
      const found = parsed(document);
      const unit = found && referenceSubject(found.file, found.kind, position);
      if (!found || !unit) return [];
      const files = await host.unitFiles(found.kind.scope ?? "system");
      return findUnitReferences(unit, files, {
        read: (path) => readText(path, REFERENCE_BYTES),
        ...(signal && { signal }),
      });
    },

    async documentLinks(document) {
      const found = parsed(document);
      if (!found) return [];
      return documentLinks(found.file, found.kind, {
        isFile: (path) => host.isFile(path),
        ...(current.manPageLinks === "document" && { manPageTarget: manPageDocumentUri }),
      });
    },

    documentSymbols: (document) => {
      const found = parsed(document);
      return found ? documentSymbols(found.file) : [];
    },

    foldingRanges: (document) => {
      const found = parsed(document);
      return found ? foldingRanges(found.file) : [];
    },

    selectionRanges: (document, positions) => {
      const found = parsed(document);
      return found ? selectionRanges(found.file, positions) : [];
    },

    async inlayHints(document, range) {
      const found = parsed(document);
      const { specifiers, timeSpans, calendarElapses } = current.inlayHints;
      if (!found || (!specifiers && !timeSpans && !calendarElapses)) return [];
      const env = await environment(document, found.kind);
      const schedule = current.clock?.();
      return inlayHints(found.file, found.kind, range, {
        specifiers,
        timeSpans,
        calendarElapses,
        environment: env.specifiers,
        ...(schedule && { schedule }),
      });
    },

    semanticTokens: (document) => {
      const found = parsed(document);
      return found ? semanticTokens(found.file, found.kind) : { data: [] };
    },

    format: (document, range) => {
      const found = parsed(document);
      return found ? formattingEdits(found.file, current.format, range) : [];
    },

    formattedText: (document) => {
      const found = parsed(document);
      return found && formatText(found.file, current.format);
    },

    async effectiveUnit(document) {
      analysisOf(document);
      return effectiveUnit(pathOfUri(document.uri), host, (path) => readText(path, UNIT_FILE_BYTES));
    },

    documentHighlights: (document, position) => {
      const found = parsed(document);
      return found ? documentHighlights(found.file, found.kind, position) : [];
    },

    async workspaceSymbols(query, signal) {
      const units = (await host.units("system")).list().filter((unit) => unit.origin === "workspace");
      return workspaceSymbols(units, query, { read: (path) => readText(path, REFERENCE_BYTES), ...(signal && { signal }) });
    },

    installedUnit: (unit, scope) => loadUnit(unit, scope, [], host, (path) => readText(path, UNIT_FILE_BYTES)),

    codeActions: (document, { diagnostics, only }) => {
      const found = parsed(document);
      if (!found) return [];
      return [
        ...securityCodeActions(document.uri, found.file, diagnostics),
        ...codeActions(found.file, found.kind, diagnostics, document.uri, only),
      ];
    },
  };
}
