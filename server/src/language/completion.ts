import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from "vscode-languageserver-types";
import { nodeAt, sectionAt, type UnitFile } from "./parser";
import type { TargetSystemd } from "./rules/rule";
import { directiveDetail, directiveMarkdown } from "./schema/directiveDoc";
import { fileSchemaFor, type DirectiveInfo, type FileSchema } from "./schema/fileSchema";
import { enumValueMeaning, schemaData, summaries } from "./schema/schemaData";
import type { UnitKind } from "./unitKind";
import type { UnitCatalog } from "./unitCatalog";
import { pathItems, type PathLister } from "./pathCompletion";
import { snippetItems, type SnippetFile } from "./snippets";
import { suppressionCompletions } from "./suppressionAssist";
import { describeExpansion, expandSpecifier, type SpecifierEnvironment } from "./specifierExpansion";
import { documentationItems, namedValueWords, unitNameItems } from "./valueCompletion";
import { wordHistory } from "./schema/valueVersions";
import { targetsLacking, targetsPast } from "./targets/targetList";
import { memoized } from "./memoized";
import { mayShow } from "./typedMatch";

export interface CompletionContext {
  file: UnitFile;
  kind: UnitKind;
  position: Position;
  target?: TargetSystemd;
  /** The units this file may refer to; unit names are offered only with it. */
  units?: UnitCatalog;
  /** Lists directories on the machine; paths are offered only with it. */
  listDirectory?: PathLister;
  /** The document's path and the machine's facts, to show what each specifier expands to here. */
  specifiers?: Omit<SpecifierEnvironment, "kind">;
  /** Offered outside sections, for clients that have no snippet files of their own. */
  snippets?: SnippetFile;
  /**
   * The client takes a list's shared edit range and data once (LSP 3.17 itemDefaults): directive
   * lists are then answered in that form, their items made once per section and word.
   */
  listDefaults?: boolean;
}

const BOOLEAN_WORDS = ["yes", "no", "true", "false"];
const KEY_CHAR = /[A-Za-z0-9\-_]/;

function sortGroup(info: DirectiveInfo, target: TargetSystemd): string {
  if (info.status) return "3";
  if (target.version !== undefined && info.since !== undefined && info.since > target.version) return "2";
  return "1";
}

function sectionItems(schema: FileSchema, range: Range, closeBracket: boolean): CompletionItem[] {
  return schema.sections.map((section) => {
    const summary = schema.sectionSummary(section)?.summary;
    return {
      label: `[${section}]`,
      kind: CompletionItemKind.Module,
      ...(summary && { documentation: summary }),
      textEdit: { range, newText: closeBracket ? `[${section}]` : `[${section}` },
      filterText: `[${section}]`,
    };
  });
}

/**
 * What `resolveDirectiveItem` needs to find the directive again (its name is the item's label); the
 * Markdown is sent only on resolve. The same for a whole list, so a client can take it once.
 */
interface DirectiveItemData {
  /** `target`: the oldest systemd the file is written for (the project file's, or the editor's), if any. */
  directive: { file: NonNullable<UnitKind["file"]>; section: string; target?: number };
}

/** After a directive's "=", the editor is asked for the value list at once. */
const SUGGEST_VALUES = { title: "Suggest values", command: "editor.action.triggerSuggest" };

/** A directive's item without its edit, and the key that sorts it into its group. */
interface DirectiveItem {
  item: CompletionItem;
  sortText: string;
}

/** The directive items of a section: made once per file kind, section and target version. */
const directiveLists = new WeakMap<FileSchema, Map<string, readonly DirectiveItem[]>>();

function sectionDirectiveItems(
  schema: FileSchema,
  file: NonNullable<UnitKind["file"]>,
  section: string,
  target: TargetSystemd,
): readonly DirectiveItem[] {
  const lists = directiveLists.get(schema) ?? directiveLists.set(schema, new Map()).get(schema)!;
  const key = `${section}\n${target.version ?? ""}`;
  const cached = lists.get(key);
  if (cached) return cached;
  const data: DirectiveItemData = { directive: { file, section, ...(target.version !== undefined && { target: target.version }) } };
  const items = schema.directives(section).map((info): DirectiveItem => ({
    item: {
      label: info.name,
      kind: CompletionItemKind.Property,
      detail: directiveDetail(info, target),
      data,
      ...(info.status && { tags: [CompletionItemTag.Deprecated] }),
    },
    sortText: `${sortGroup(info, target)}${info.name}`,
  }));
  lists.set(key, items);
  return items;
}

interface Shown {
  shown: readonly DirectiveItem[];
  /** Whether the items are of more than the first group; where they are not, the sort keys say what the labels say and are not sent. */
  grouped: boolean;
}

/** What a list shows for a word typed, kept per list for the words typed last (the same few come again and again). */
const filters = new WeakMap<readonly DirectiveItem[], (typed: string) => Shown>();
function shownOf(all: readonly DirectiveItem[], typed: string): Shown {
  let filter = filters.get(all);
  if (!filter) {
    filter = memoized(
      64,
      (word: string) => word,
      (word: string) => {
        const shown = word === "" ? all : all.filter(({ item }) => mayShow(word, item.label));
        return { shown, grouped: shown.some(({ sortText }) => !sortText.startsWith("1")) };
      },
    );
    filters.set(all, filter);
  }
  return filter(typed);
}

/**
 * The section's directives an editor may show for the word typed so far (`typed`). A list cut to
 * that word is incomplete, so the editor asks again as the word changes: a section of a few
 * hundred directives then travels as the few dozen that can match.
 */
function directiveItems(
  schema: FileSchema,
  file: NonNullable<UnitKind["file"]>,
  section: string,
  range: Range,
  typed: string,
  addEquals: boolean,
  target: TargetSystemd,
  listDefaults: boolean,
): CompletionList {
  const all = sectionDirectiveItems(schema, file, section, target);
  const shown = shownOf(all, typed);
  const isIncomplete = shown.shown.length < all.length;
  if (listDefaults) {
    const data = all[0]?.item.data;
    return { isIncomplete, itemDefaults: { editRange: range, ...(data !== undefined && { data }) }, items: sharedItems(shown, addEquals) };
  }
  // Properties set one by one: V8 copies an object with a spread fast only into an empty literal.
  const items = shown.shown.map(({ item, sortText }) => {
    const shownItem: CompletionItem = { ...item };
    if (shown.grouped) shownItem.sortText = sortText;
    shownItem.textEdit = { range, newText: addEquals ? `${item.label}=` : item.label };
    if (addEquals) shownItem.command = SUGGEST_VALUES;
    return shownItem;
  });
  return { isIncomplete, items };
}

/** The items of a list whose range and data the list says (`itemDefaults`), by what it shows and whether "=" is added. */
const sharedForms = new WeakMap<Shown, { [addEquals: string]: readonly CompletionItem[] }>();

/** As `directiveItems` makes them, without their edit and data: the same objects for every request of the same word. */
function sharedItems(shown: Shown, addEquals: boolean): CompletionItem[] {
  let forms = sharedForms.get(shown);
  if (!forms) sharedForms.set(shown, (forms = {}));
  const made = (forms[String(addEquals)] ??= Object.freeze(
    shown.shown.map(({ item: { data: _, ...item }, sortText }) => {
      const shownItem: CompletionItem = { ...item };
      if (shown.grouped) shownItem.sortText = sortText;
      if (addEquals) {
        shownItem.command = SUGGEST_VALUES;
        shownItem.textEditText = `${item.label}=`;
      }
      return Object.freeze(shownItem);
    }),
  ));
  return made as CompletionItem[];
}

function valueWords(info: DirectiveInfo): readonly string[] {
  const spec = info.value;
  if (spec.kind === "boolean" || spec.kind === "tristate") return BOOLEAN_WORDS;
  if (spec.kind === "enum") return [...spec.values, ...(spec.acceptsBoolean ? BOOLEAN_WORDS : []), ...(spec.prefixes ?? [])];
  return namedValueWords(spec.kind);
}

interface VersionMark {
  item: Partial<CompletionItem>;
  /** Sorted after the values every target has. */
  later: boolean;
  note?: string;
}

/**
 * A value's version mark: "systemd 257+" beside the label; newer than a target, also which
 * targets lack it; removed in a release a target runs, struck through.
 */
function versionMark(info: DirectiveInfo, word: string, target: TargetSystemd): VersionMark {
  const history = wordHistory(info, word);
  if (!history) return { item: {}, later: false };
  const lacking = history.since !== undefined ? targetsLacking(target, history.since) : undefined;
  const past = history.removed !== undefined ? targetsPast(target, history.removed) : undefined;
  const marks = [
    ...(history.since !== undefined ? [`systemd ${history.since}+`] : []),
    ...(history.removed !== undefined ? [`gone in ${history.removed}`] : []),
  ];
  const note = lacking
    ? `Needs systemd ${history.since}; ${lacking}.`
    : past
      ? `No effect since systemd ${history.removed}; ${past}.`
      : undefined;
  return {
    item: {
      ...(marks.length > 0 && { labelDetails: { description: marks.join(" · ") } }),
      ...(past && { tags: [CompletionItemTag.Deprecated] }),
    },
    later: note !== undefined,
    ...(note && { note }),
  };
}

function valueItems(info: DirectiveInfo, range: Range, target: TargetSystemd): CompletionItem[] {
  return [...new Set(valueWords(info))].map((word, index) => {
    const meaning = enumValueMeaning(info.family, info.section, info.name, word);
    const mark = versionMark(info, word, target);
    const detail = [meaning, mark.note].filter(Boolean).join(" ");
    return {
      label: word,
      kind: CompletionItemKind.EnumMember,
      ...(detail && { detail }),
      ...mark.item,
      sortText: `${mark.later ? "1" : "0"}${String(index).padStart(4, "0")}`,
      textEdit: { range, newText: word },
    };
  });
}

function specifierItems(range: Range, environment: SpecifierEnvironment | undefined): CompletionItem[] {
  return schemaData.specifiers.map((specifier) => {
    const summary = summaries[`specifier:%${specifier.letter}`]?.summary;
    const expansion = environment && expandSpecifier(specifier.letter, environment);
    const here = expansion && describeExpansion(expansion);
    return {
      label: `%${specifier.letter}`,
      kind: CompletionItemKind.Variable,
      ...(summary && { detail: summary }),
      ...(here && { labelDetails: { description: here } }),
      ...(specifier.deprecated && { tags: [CompletionItemTag.Deprecated] }),
      textEdit: { range, newText: `%${specifier.letter}` },
      insertTextFormat: InsertTextFormat.PlainText,
    };
  });
}

/**
 * Completion at a position: section headers, directives of the section, or values of the
 * directive. Incomplete where a long list of unit names was cut to what is typed.
 */
export async function completions(context: CompletionContext): Promise<CompletionList> {
  const answer = await completionsAt(context);
  return Array.isArray(answer) ? { isIncomplete: false, items: answer } : answer;
}

async function completionsAt(context: CompletionContext): Promise<CompletionItem[] | CompletionList> {
  const { file, kind, position, target = {} } = context;
  const schema = fileSchemaFor(kind);
  if (!schema) return [];
  const lines = file.lines;
  const offset = lines.offsetAt(position);
  // A position past the end of the document stands for the end of its last line.
  const line = lines.positionAt(offset).line;
  const lineStart = lines.lineStarts[line] ?? 0;
  const lineEnd = lines.lineContentEnd(line);
  const before = file.text.slice(lineStart, offset);
  const node = nodeAt(file, offset);
  const rangeFrom = (start: number, end = offset): Range => lines.rangeOf(start, end);

  // A later line of a continued value is value text, whatever it looks like.
  const continued = node?.kind === "entry" && lines.positionAt(node.start).line < line;
  if (!continued && /^\s*\[/.test(before)) {
    const bracket = lineStart + before.indexOf("[");
    const hasClose = file.text.slice(offset, lineEnd).includes("]");
    return sectionItems(schema, rangeFrom(bracket, hasClose ? lineEnd : offset), true);
  }

  const section = sectionAt(file, offset);
  const equals = continued ? -1 : before.indexOf("=");
  if (!continued && equals < 0) {
    if (/^\s*[#;]/.test(before)) return (node?.kind === "comment" && suppressionCompletions(file, node, offset)) || [];
    const wordStart = lineStart + before.search(/\S|$/);
    let wordEnd = offset;
    while (wordEnd < lineEnd && KEY_CHAR.test(file.text[wordEnd]!)) wordEnd++;
    const addEquals = file.text[wordEnd] !== "=";
    if (!section) {
      const range = rangeFrom(wordStart, wordEnd);
      return [...sectionItems(schema, range, true), ...(context.snippets ? snippetItems(context.snippets, range) : [])];
    }
    const typed = file.text.slice(wordStart, offset);
    return directiveItems(
      schema,
      kind.file!,
      section.name,
      rangeFrom(wordStart, wordEnd),
      typed,
      addEquals,
      target,
      context.listDefaults === true,
    );
  }

  if (!section || node?.kind !== "entry") return [];
  const info = schema.directive(section.name, node.key);
  const percent = before.lastIndexOf("%");
  if (percent >= 0 && percent === before.length - 1 - (/%[A-Za-z]$/.test(before) ? 1 : 0) && !/%%$/.test(before)) {
    return specifierItems(rangeFrom(lineStart + percent), context.specifiers && { ...context.specifiers, kind });
  }
  if (!info) return [];
  const spaceOrEquals = lineStart + Math.max(before.lastIndexOf(" "), equals) + 1;
  // "~" before the first word of a deny list is no part of the name being completed.
  const wordStart = spaceOrEquals + (file.text[spaceOrEquals] === "~" && namedValueWords(info.value.kind).length > 0 ? 1 : 0);
  const word = file.text.slice(wordStart, offset);
  let wordEnd = offset;
  while (wordEnd < lineEnd && !/\s/.test(file.text[wordEnd]!)) wordEnd++;
  if (context.units && info.value.kind !== "enum") {
    const units = unitNameItems(info, context.units, kind.name, word, rangeFrom(wordStart, wordEnd));
    if (units.items.length > 0) return units;
  }
  if (context.listDirectory) {
    const firstWord = !continued && before.slice(equals + 1, wordStart - lineStart).trim() === "";
    const paths = await pathItems(info, word, wordStart, firstWord, context.listDirectory, rangeFrom);
    if (paths.length > 0) return paths;
  }
  if (info.value.kind === "documentation") return documentationItems(file, word, rangeFrom(wordStart, wordEnd));
  return valueItems(info, rangeFrom(wordStart), target);
}

/**
 * Adds the directive's documentation to a completion item when the client asks for it, judged
 * against the target the list was made for.
 */
export function resolveDirectiveItem(item: CompletionItem): CompletionItem {
  const data = (item.data as Partial<DirectiveItemData> | undefined)?.directive;
  if (!data) return item;
  const info = fileSchemaFor({ file: data.file, name: "", template: false, systemctlEditTemp: false })?.directive(data.section, item.label);
  const target = data.target !== undefined ? { version: data.target } : {};
  return info ? { ...item, documentation: { kind: "markdown", value: directiveMarkdown(info, target) } } : item;
}
