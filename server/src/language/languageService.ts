/**
 * The one way into the language core: every front end (the language server's handlers, the CLI,
 * a browser worker, the tests) creates a service with a host and calls its features. The service
 * keeps the parse of each document version, asks the host for what it needs of the machine, and
 * shapes its answers to what the client can show.
 */
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  CompletionList,
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
  SignatureHelp,
  SymbolInformation,
  TextEdit,
  WorkspaceEdit,
} from "vscode-languageserver-types";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { analyze, diagnose, oversized, type Analysis } from "./analysis";
import { completionItemFor, completionItemsFor, FULL_CLIENT, hoverFor, type ClientFeatures } from "./clientFeatures";
import { codeActions } from "./codeActions";
import { unitLenses, unitLensTitle, type UnitLensData } from "./codeLens";
import { completions, resolveDirectiveItem } from "./completion";
import { definition } from "./definition";
import { linkRulePages, type LintSeverities } from "./diagnostics";
import { KeptDiagnostics } from "./keptDiagnostics";
import { documentLinks, manPageDocumentUri } from "./documentLinks";
import { fileUri, pathOfUri, type UriOf } from "./fileUri";
import { foldingRanges } from "./folding";
import { defaultFormattingOptions, formatText, formattingEdits, type FormattingOptions } from "./formatting";
import { documentHighlights } from "./highlights";
import { hover } from "./hover";
import type { ScheduleContext } from "./calendar/timerSchedule";
import type { UnitLanguageHost } from "./host";
import type { PathEntry } from "./pathCompletion";
import { inlayHints } from "./inlayHints";
import { withLineFormats } from "./lineFormats/dispatch";
import { lineFormatFeatures } from "./lineFormats/service";
import { mergeDiagnostics } from "./mergeDiagnostics";
import { applySuppressions } from "./suppressions";
import type { LintFlags } from "./project/projectConfig";
import { projectLint } from "./project/projectLint";
import type { UnitFile } from "./parser";
import { securityCodeActions } from "./quickFixes/securityFindings";
import { hardenServiceAction, type ServiceSources } from "./quickFixes/hardenService";
import { HARDEN_SERVICE_KIND } from "../protocol/codeActionKinds";
import { unitExposure } from "./security/exposure";
import { exposureLenses, exposureTable, exposureTitle, isExposureLens, scoresExposure, serviceHeader } from "./security/exposureView";
import { withWorkspaceScope } from "./scopeGlobs";
import { referenceSubject } from "./references";
import { notRenameable, referenceEdits, renameEdit, renameProblem, renameSubject, templateOf } from "./rename";
import { findUnitReferences } from "./referenceSearch";
import type { TargetSystemd } from "./rules/rule";
import { selectionRanges } from "./selectionRanges";
import { semanticTokens } from "./semanticTokens";
import type { SnippetFile } from "./snippets";
import { assignmentHistory, effectiveUnit, loadUnit, type EffectiveUnit } from "./effectiveUnit/effectiveUnit";
import { unitKind, type Scope } from "./unitKind";
import { dependencyGraph, type DependencyGraph } from "./graph/dependencyGraph";
import { orderingEdges, type OrderingEdges } from "./graph/orderingEdges";
import { signatureHelp } from "./signatureHelp";
import { documentSymbols } from "./symbols";
import { unitReferenceAt } from "./unitReferences";
import { workspaceSymbols } from "./workspaceSymbols";
import type { UnitCatalog } from "./unitCatalog";
import { resolveUnitItem } from "./valueCompletion";
import { ValueMemo } from "./rules/valueMemo";

export { clientFeaturesOf, type ClientCapabilitiesSubset, type ClientFeatures } from "./clientFeatures";
export { semanticTokensLegend } from "../protocol/semanticTokenLegend";
export { ADD_INSTALL_SECTION_KIND, HARDEN_SERVICE_KIND } from "../protocol/codeActionKinds";
export { emptyHost, type UnitLanguageHost, type ManualText, type DirectiveManualHint } from "./host";
export type { Analysis } from "./analysis";
export { renderEffectiveUnit, type EffectiveUnit } from "./effectiveUnit/effectiveUnit";
export { dependencyGraphDot } from "./graph/dot";
export type { DependencyGraph } from "./graph/dependencyGraph";

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
  /** Whether the unit lens shows the unit's state (clients that show it themselves turn it off). */
  stateInLens: boolean;
  /** Offered outside sections where the client takes snippets and has none of its own. */
  snippets?: SnippetFile;
  client: ClientFeatures;
  /** Where the rule pages are (a URI ending in "/"); each of our diagnostics then links to its rule's page. */
  rulePages?: string;
  /** What the command line sets; it wins over the project file (.unitsmith.json). */
  lintFlags?: LintFlags;
}

export const DEFAULT_LANGUAGE_SETTINGS: UnitLanguageSettings = {
  maxFileSizeKB: 2048,
  severities: {},
  target: {},
  userUnitFiles: [],
  format: defaultFormattingOptions,
  inlayHints: { specifiers: false, timeSpans: false, calendarElapses: false },
  manPageLinks: "web",
  stateInLens: true,
  client: FULL_CLIENT,
};

/** A request the service will not carry out, and why, in words for the user. */
export interface Refused {
  refused: string;
}

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
  /** The same items, and whether the list was cut to what is typed (the client then asks again as the user types). */
  completionList(document: TextDocument, position: Position): Promise<CompletionList>;
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
  /** A lens above a unit file's first section, resolved by resolveCodeLens. */
  codeLenses(document: TextDocument): CodeLens[];
  /** The lens with its title: how many workspace and installed files name the unit, and its state where a systemd answers. */
  resolveCodeLens(lens: CodeLens, signal?: AbortSignal): Promise<CodeLens>;
  /** The parts of the structured value at the cursor, and which one the cursor is in. */
  signatureHelp(document: TextDocument, position: Position): SignatureHelp | null;
  /** Every place in the document that names the unit or directive under the cursor. */
  documentHighlights(document: TextDocument, position: Position): DocumentHighlight[];
  /** The workspace's units, and their directives whose names match `query`. */
  workspaceSymbols(query: string, signal?: AbortSignal): Promise<SymbolInformation[]>;
  /** The unit name under the cursor that a rename would change, or why it cannot be renamed; null where there is none. */
  prepareRename(document: TextDocument, position: Position): Promise<{ range: Range; placeholder: string } | Refused | null>;
  /** Renames the unit named under the cursor: its file, its drop-in directory and every reference in the workspace. */
  rename(document: TextDocument, position: Position, newName: string): Promise<WorkspaceEdit | Refused | null>;
  /** The reference edits that go with unit files renamed elsewhere (the editor's file explorer). */
  renameFiles(renames: readonly { oldPath: string; newPath: string }[]): Promise<WorkspaceEdit | null>;
  /** The unit this document is (or extends) as systemd would load it with the document installed; undefined for other files. */
  effectiveUnit(document: TextDocument): Promise<EffectiveUnit | undefined>;
  /** The units around this document's unit, `depth` steps out: requirement, ordering and conflict edges. */
  dependencyGraph(document: TextDocument, depth: number): Promise<DependencyGraph | undefined>;
  /** An installed unit as systemd loads it from the scope's unit directories. */
  installedUnit(unit: string, scope: Scope): Promise<EffectiveUnit>;
}

/**
 * Parses kept at once, with their kept diagnostics; others are parsed again when asked for (a
 * 300-line unit in about a millisecond). A 300-line unit's weighs about half a MiB: keeping 32
 * instead of 12 took 12 MiB more of the server's peak memory with a hundred units open.
 */
export const PARSES_KEPT = 12;
/** Edits parsed incrementally before a document is parsed whole again. */
const REPARSES_BEFORE_PARSE = 16;
/** How much of an unopened file a reference search reads. */
const REFERENCE_BYTES = 256 * 1024;
/** How much of an unopened unit file or drop-in the effective unit reads. */
const UNIT_FILE_BYTES = 1024 * 1024;

const directoryOf = (path: string) => path.slice(0, Math.max(1, path.lastIndexOf("/")));

export function createUnitLanguageService(host: UnitLanguageHost, settings: Partial<UnitLanguageSettings> = {}): UnitLanguageService {
  let current: UnitLanguageSettings = { ...DEFAULT_LANGUAGE_SETTINGS, ...settings };
  const uriOf: UriOf = (path) => host.uriOf?.(path) ?? fileUri(path);
  /** The parses of the documents used last, the least recently used first: a parse weighs ten times its text. */
  const parses = new Map<
    string,
    {
      version: number;
      maxFileSizeKB: number;
      userUnitFiles: string;
      analysis: Analysis;
      text: string;
      reparses: number;
      /** The diagnostics of its last analysis, given again where they did not change. */
      kept: KeptDiagnostics;
    }
  >();
  /** The text of every document analysed and not forgotten. */
  const texts = new Map<string, string>();
  /** The files of each service document's unit, as last read for its exposure (code actions cannot wait for the disk). */
  const unitFilesOf = new Map<string, { paths: string[]; texts: string[] }>();
  /**
   * The target each document's last diagnostics judged it by (its project file's, or the editor's):
   * completion and hover take it from there rather than looking for the project file on every request.
   */
  const targetsOf = new Map<string, TargetSystemd>();
  /** The value checks of earlier analyses: an edit re-checks the values it changed, not the whole file. */
  const valueMemo = new ValueMemo();

  const analysisOf = (document: TextDocument): Analysis => {
    const cached = parses.get(document.uri);
    const text = document.getText();
    parses.delete(document.uri);
    // The text decides, not only the version: front ends other than an editor may reuse a version number.
    const userUnitFiles = current.userUnitFiles.join(",");
    if (
      cached &&
      cached.version === document.version &&
      cached.text === text &&
      cached.maxFileSizeKB === current.maxFileSizeKB &&
      cached.userUnitFiles === userUnitFiles
    ) {
      parses.set(document.uri, cached);
      return cached.analysis;
    }
    const path = pathOfUri(document.uri);
    // The strings of a parse point into the text it was made from, so the nodes an incremental
    // parse keeps hold older texts alive: a whole parse now and then lets them go, and with them
    // the kept diagnostics, whose messages quote those strings.
    const reparses = cached?.analysis.file && cached.reparses < REPARSES_BEFORE_PARSE ? cached.reparses + 1 : 0;
    const kept = reparses > 0 && cached ? cached.kept : new KeptDiagnostics();
    const parsed = analyze(text, path, current.maxFileSizeKB, reparses > 0 ? cached?.analysis.file : undefined);
    const analysis = { ...parsed, kind: withWorkspaceScope(parsed.kind, path, current.userUnitFiles) };
    parses.set(document.uri, {
      version: document.version,
      maxFileSizeKB: current.maxFileSizeKB,
      userUnitFiles,
      analysis,
      text,
      reparses,
      kept,
    });
    texts.set(document.uri, text);
    for (const uri of parses.keys()) {
      if (parses.size <= PARSES_KEPT) break;
      parses.delete(uri);
      texts.delete(uri);
    }
    return analysis;
  };

  /** The parsed file and its kind, or undefined when the document is too large to analyse. */
  const parsed = (document: TextDocument): { file: UnitFile; kind: Analysis["kind"] } | undefined => {
    const analysis = analysisOf(document);
    return analysis.file ? { file: analysis.file, kind: analysis.kind } : undefined;
  };

  /** What the machine says that completion, hover and hints show for a document; the units only when asked for. */
  const environment = async (document: TextDocument, kind: Analysis["kind"], withUnits = true) => {
    const [units, facts] = await Promise.all([withUnits ? host.units(kind.scope ?? "system") : undefined, host.hostFacts()]);
    return { units, specifiers: { path: pathOfUri(document.uri), host: facts } };
  };

  /** An open document's text wins over the file on disk. */
  const openText = (path: string): string | undefined => {
    for (const [uri, text] of texts) if (pathOfUri(uri) === path) return text;
    return undefined;
  };
  const readText = async (path: string, maxBytes: number) => openText(path) ?? host.readFile(path, maxBytes);

  /** What the catalog's units start after, read once per catalog (a new index scan makes a new one). */
  const orderings = new WeakMap<UnitCatalog, Promise<OrderingEdges>>();
  const orderingOf = (catalog: UnitCatalog): Promise<OrderingEdges> => {
    let edges = orderings.get(catalog);
    if (!edges) {
      edges = orderingEdges(catalog, (path) => host.readFile(path, REFERENCE_BYTES));
      orderings.set(catalog, edges);
    }
    return edges;
  };

  /** The unit's files as systemd reads them, with the document's place among them, for its exposure score. */
  const serviceSources = async (uri: string): Promise<ServiceSources | undefined> => {
    const path = pathOfUri(uri);
    const unit = await effectiveUnit(path, host, (each) => readText(each, UNIT_FILE_BYTES));
    if (!unit) return undefined;
    const paths = [...(unit.fragment ? [unit.fragment] : []), ...unit.dropIns];
    const read = (await Promise.all(paths.map((each) => readText(each, UNIT_FILE_BYTES)))).map((text) => text ?? "");
    unitFilesOf.set(uri, { paths, texts: read });
    return { texts: read, index: paths.indexOf(path) };
  };
  /** The same from what was read last, the document as it is now; the document alone before that. */
  const knownSources = (uri: string, text: string): ServiceSources => {
    const { paths, texts: read } = unitFilesOf.get(uri) ?? { paths: [pathOfUri(uri)], texts: [text] };
    const index = paths.indexOf(pathOfUri(uri));
    return { texts: paths.map((path, i) => (i === index ? text : (openText(path) ?? read[i] ?? ""))), index };
  };

  /** The texts of the workspace's unit files and drop-ins, open documents' as they are in the editor. */
  const workspaceTexts = async (): Promise<Map<string, string>> => {
    const texts = new Map<string, string>();
    for (const path of await host.workspaceFiles()) {
      const text = await readText(path, REFERENCE_BYTES);
      if (text !== undefined) texts.set(path, text);
    }
    return texts;
  };

  /** The unit names of a directory listing, worked out once per listing (the host reuses one for a while). */
  const siblingNames = new WeakMap<readonly PathEntry[], ReadonlySet<string>>();
  const siblingUnitsOf = (entries: readonly PathEntry[]): ReadonlySet<string> => {
    let names = siblingNames.get(entries);
    if (!names) siblingNames.set(entries, (names = new Set(entries.map((entry) => unitKind(entry.name).name))));
    return names;
  };

  /** The files a search for `unit`'s references reads: those the host's index says name it, and the open documents. */
  const filesToSearch = async (scope: Scope, unit: string): Promise<readonly string[]> => {
    const files = await host.unitFiles(scope);
    if (!host.filesNaming) return files;
    const naming = new Set(await host.filesNaming(scope, unit));
    const open = new Set([...texts.keys()].map(pathOfUri));
    return files.filter((path) => naming.has(path) || open.has(path));
  };

  /** The unit a rename at the cursor is about (an instance's template when only that is a file), as written there. */
  const renameTarget = async (document: TextDocument, position: Position) => {
    const found = parsed(document);
    const subject = found && renameSubject(found.file, found.kind, found.file.lines.offsetAt(position));
    if (!found || !subject) return undefined;
    const catalog = await host.units(found.kind.scope ?? "system");
    const unit = catalog.get(subject.unit) ? subject.unit : templateOf(subject.unit);
    return { unit, written: subject.unit, ...(subject.range && { range: subject.range }), catalog };
  };

  /** The lint settings of a file: the editor's (or the command line's) under the nearest project file. */
  const projectOf = (path: string) =>
    projectLint(host, path, { severities: current.severities, target: current.target }, current.lintFlags);
  /** The systemd a file is written for: its project file's target, or else the editor's. */
  const targetOf = async (uri: string) => targetsOf.get(uri) ?? (await projectOf(pathOfUri(uri))).settings?.target ?? current.target;

  const service: UnitLanguageService = {
    configure(next) {
      current = { ...current, ...next };
      targetsOf.clear();
    },
    get settings() {
      return current;
    },
    analyze: analysisOf,
    forget(uri) {
      parses.delete(uri);
      texts.delete(uri);
      unitFilesOf.delete(uri);
      targetsOf.delete(uri);
    },

    async diagnostics(document, outside = []) {
      const analysis = analysisOf(document);
      const path = pathOfUri(document.uri);
      const unitFile = analysis.file !== undefined && analysis.kind.file?.family === "unit";
      const [siblings, project, units] = await Promise.all([
        analysis.file ? host.listDirectory(directoryOf(path)) : undefined,
        // Noted as soon as it is read: the unit index may take seconds to build, and the document's
        // completions and hovers would look for the project file each time until then.
        projectOf(path).then((found) => {
          targetsOf.set(document.uri, found.settings?.target ?? current.target);
          return found;
        }),
        unitFile ? host.units(analysis.kind.scope ?? "system") : undefined,
      ]);
      const ordering = units && (await orderingOf(units));
      if (!project.settings) return [];
      const own = diagnose(analysis, {
        ...project.settings,
        memo: valueMemo,
        // The document's latest analysis's: findings are kept only where they say the same.
        kept: parses.get(document.uri)?.kept ?? new KeptDiagnostics(),
        ...(current.rulePages !== undefined && { rulePages: current.rulePages }),
        // Unknown where the directory cannot be listed: rules about the unit beside then stay silent.
        // A template beside (foo.service.in) counts as the unit it becomes.
        ...(siblings && { siblingUnits: siblingUnitsOf(siblings) }),
        ...(units && { units }),
        ...(ordering && { ordering }),
      });
      const merged = mergeDiagnostics(project.problem ? [project.problem, ...own] : own, outside);
      const shown = analysis.file ? applySuppressions(analysis.file, merged, project.settings.severities) : merged;
      return linkRulePages(shown, current.rulePages);
    },

    unreadDiagnostics: (path, length) =>
      linkRulePages(diagnose(oversized(path, length, current.maxFileSizeKB), { severities: current.severities }), current.rulePages),

    async completion(document, position) {
      return (await service.completionList(document, position)).items;
    },

    async completionList(document, position) {
      const found = parsed(document);
      if (!found) return { isIncomplete: false, items: [] };
      const [env, target] = await Promise.all([environment(document, found.kind), targetOf(document.uri)]);
      const list = await completions({
        ...found,
        position,
        target,
        units: env.units,
        listDirectory: (path) => host.listDirectory(path),
        specifiers: env.specifiers,
        ...(current.snippets && current.client.snippets && { snippets: current.snippets }),
        ...(current.client.listDefaults && { listDefaults: true }),
      });
      return { ...list, items: completionItemsFor(list.items, current.client) };
    },

    async resolveCompletion(item) {
      const directive = resolveDirectiveItem(item);
      const resolved = directive === item ? resolveUnitItem(item, await host.units("system")) : directive;
      return completionItemFor(resolved, current.client);
    },

    async hover(document, position) {
      const found = parsed(document);
      if (!found) return null;
      // Only a unit name's hover needs the unit index, which may still be building.
      const onUnit = unitReferenceAt(found.file, found.kind, found.file.lines.offsetAt(position)) !== undefined;
      const [env, target] = await Promise.all([environment(document, found.kind, onUnit), targetOf(document.uri)]);
      const schedule = current.clock?.();
      const result = hover({
        ...found,
        position,
        target,
        ...(env.units && { units: env.units }),
        specifiers: env.specifiers,
        ...(schedule && { schedule }),
        ...(current.rulePages && { rulePages: current.rulePages }),
      });
      if (!result) return null;
      const directive = result.directive;
      const manual =
        directive && directive.family !== "quadlet"
          ? await host.directiveManual(directive.name, { ...(directive.doc && { page: directive.doc.page }), section: directive.section })
          : undefined;
      const history = directive
        ? await assignmentHistory(pathOfUri(document.uri), position.line, host, (path) => readText(path, UNIT_FILE_BYTES))
        : [];
      const header = serviceHeader(found.file);
      const onServiceHeader = scoresExposure(found.kind) && header?.start.line === position.line;
      const sources = onServiceHeader ? await serviceSources(document.uri) : undefined;
      const parts = [
        (result.hover.contents as MarkupContent).value,
        ...(sources ? [exposureTable(unitExposure(sources.texts))] : []),
        ...(history.length > 0 ? [history.map((line) => `- ${line}`).join("\n")] : []),
        ...(manual ? [`*From the installed ${manual.reference}:*\n\n${manual.markdown}`] : []),
      ];
      return hoverFor({ ...result.hover, contents: { kind: "markdown", value: parts.join("\n\n---\n\n") } }, current.client);
    },

    async definition(document, position) {
      const found = parsed(document);
      if (!found) return [];
      return definition(found.file, found.kind, position, await host.units(found.kind.scope ?? "system"), uriOf);
    },

    async references(document, position, signal) {
      const found = parsed(document);
      const unit = found && referenceSubject(found.file, found.kind, position);
      if (!found || !unit) return [];
      const files = await filesToSearch(found.kind.scope ?? "system", unit);
      return findUnitReferences(unit, files, {
        read: (path) => readText(path, REFERENCE_BYTES),
        uriOf,
        ...(signal && { signal }),
      });
    },

    async documentLinks(document) {
      const found = parsed(document);
      if (!found) return [];
      return documentLinks(found.file, found.kind, {
        isFile: (path) => host.isFile(path),
        uriOf,
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

    codeLenses: (document) => {
      const found = parsed(document);
      return found ? [...unitLenses(found.file, found.kind), ...exposureLenses(found.file, found.kind, document.uri)] : [];
    },

    async resolveCodeLens(lens, signal) {
      if (isExposureLens(lens.data)) {
        const sources = await serviceSources(lens.data.exposureOf);
        return { ...lens, command: { title: sources ? exposureTitle(unitExposure(sources.texts)) : "", command: "" } };
      }
      const { unit, scope } = lens.data as UnitLensData;
      const [files, catalog] = await Promise.all([filesToSearch(scope, unit), host.units(scope)]);
      const references = await findUnitReferences(unit, files, {
        read: (path) => readText(path, REFERENCE_BYTES),
        ...(signal && { signal }),
      });
      const state = current.stateInLens ? catalog.state?.(unit) : undefined;
      return { ...lens, command: { title: unitLensTitle(references, state), command: "" } };
    },

    signatureHelp: (document, position) => {
      const found = parsed(document);
      return found ? signatureHelp(found.file, found.kind, position) : null;
    },

    documentHighlights: (document, position) => {
      const found = parsed(document);
      return found ? documentHighlights(found.file, found.kind, position) : [];
    },

    async workspaceSymbols(query, signal) {
      const units = (await host.units("system")).list().filter((unit) => unit.origin === "workspace");
      return workspaceSymbols(units, query, { read: (path) => readText(path, REFERENCE_BYTES), uriOf, ...(signal && { signal }) });
    },

    async prepareRename(document, position) {
      const subject = await renameTarget(document, position);
      if (!subject?.range) return null;
      const refused = notRenameable(subject.unit, subject.catalog);
      return refused ? { refused } : { range: subject.range, placeholder: subject.written };
    },

    async rename(document, position, newName) {
      const subject = await renameTarget(document, position);
      if (!subject) return null;
      const to = subject.unit === subject.written ? newName : templateOf(newName);
      const refused = renameProblem(subject.unit, to, subject.catalog);
      if (refused) return { refused };
      const unitFile = subject.catalog.get(subject.unit)!.path!;
      const directory = unitFile.slice(0, unitFile.lastIndexOf("/"));
      const listing = await host.listDirectory(directory);
      return renameEdit(
        subject.unit,
        to,
        {
          unitFile,
          dropInDirectory: listing?.some((entry) => entry.name === `${subject.unit}.d` && entry.type === "directory") ?? false,
          texts: await workspaceTexts(),
        },
        uriOf,
      );
    },

    async renameFiles(renames) {
      const texts = await workspaceTexts();
      const edits = renames.flatMap(({ oldPath, newPath }) => {
        const [from, to] = [unitKind(oldPath), unitKind(newPath)];
        if (from.file?.family !== "unit" || to.file?.family !== "unit" || from.dropIn || to.dropIn || from.name === to.name) return [];
        return referenceEdits(from.name, to.name, texts, uriOf);
      });
      return edits.length > 0 ? { documentChanges: edits } : null;
    },

    async dependencyGraph(document, depth) {
      analysisOf(document);
      const read = (path: string) => readText(path, UNIT_FILE_BYTES);
      const root = await effectiveUnit(pathOfUri(document.uri), host, read);
      if (!root) return undefined;
      const catalog = await host.units(root.scope);
      // The units beside the file count as installed with it.
      const beside = root.fragment ? [root.fragment.slice(0, root.fragment.lastIndexOf("/"))] : [];
      return dependencyGraph(root, depth, async (unit) => {
        const known = catalog.get(unit);
        const effective = known?.path ? await effectiveUnit(known.path, host, read) : await loadUnit(unit, root.scope, host, read, beside);
        // A name no directory and no catalog knows stays a node of its own, not followed further.
        return effective && (effective.fragment || known) ? { effective, ...(known && { known }) } : undefined;
      });
    },

    installedUnit: (unit, scope) => loadUnit(unit, scope, host, (path) => readText(path, UNIT_FILE_BYTES)),

    codeActions: (document, { diagnostics, only }) => {
      const found = parsed(document);
      if (!found) return [];
      return [
        ...securityCodeActions(document.uri, found.file, diagnostics),
        ...(scoresExposure(found.kind) && only?.some((kind) => HARDEN_SERVICE_KIND.startsWith(kind))
          ? [hardenServiceAction(document.uri, found.file, knownSources(document.uri, document.getText()))].filter(
              (action) => action !== undefined,
            )
          : []),
        ...codeActions(found.file, found.kind, diagnostics, document.uri, only),
      ];
    },
  };
  return withLineFormats(
    lineFormatFeatures(host, () => current),
    service,
  );
}
