import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type Range,
} from "vscode-languageserver-types";
import type { UnitFile } from "./parser";
import type { DirectiveInfo } from "./schema/fileSchema";
import type { ValueKind } from "./schema/generated/types";
import { schemaData } from "./schema/schemaData";
import type { KnownUnit, UnitCatalog } from "./unitCatalog";
import { unitValueOf } from "./unitReferences";
import { parseExecLine } from "./values/execLine";
import { manReference } from "./schema/directiveDoc";
import { ADDRESS_FAMILIES } from "./values/addressFamilies";
import { CAPABILITIES } from "./values/capability";
import { ERRNO_NUMBERS, valueNames } from "./values/errnoNames";
import { EXIT_STATUS_NAMES } from "./values/exitStatus";
import { SIGNAL_NAMES } from "./values/signal";

/** How many unit descriptions a completion list reads at once; the rest come with completionItem/resolve. */
export const EAGER_DESCRIPTIONS = 60;

const ORIGIN_ORDER: Readonly<Record<KnownUnit["origin"], number>> = { workspace: 0, installed: 1, special: 2 };

/**
 * The `data` of a unit name item, for completionItem/resolve, which finds the unit by the item's
 * label. One object for a whole list, so that a client taking list defaults gets it once.
 */
interface UnitItemData {
  unitName: true;
}
const UNIT_ITEM_DATA: UnitItemData = { unitName: true };

function unitDocumentation(unit: KnownUnit, description: string | undefined): CompletionItem["documentation"] {
  const lines = [description ? `**${unit.name}**: ${description}` : `**${unit.name}**`];
  if (unit.path) lines.push("", `\`${unit.path}\`${unit.masked ? " (masked)" : ""}`);
  else lines.push("", "A unit systemd defines itself (systemd.special(7)).");
  return { kind: "markdown", value: lines.join("\n") };
}

/** [Install] settings that name a template itself rather than one of its instances. */
const TAKES_TEMPLATES = new Set(["Also", "Alias"]);

/** Unit names sent in one answer at most: beyond them the list says it is incomplete, and the client asks again as the user types. */
export const MAX_UNIT_ITEMS = 100;

/**
 * The units a directive accepts, in the order they are offered: the workspace's, the installed,
 * the special ones, each by name in code point order, so that the names starting alike are
 * neighbours. Sorted once per catalog, then filtered by their suffix (the type of a unit name)
 * once per list of unit types.
 */
const offeredOf = new WeakMap<UnitCatalog, Map<string, readonly KnownUnit[]>>();
function offered(catalog: UnitCatalog, unitTypes: readonly string[] | undefined): readonly KnownUnit[] {
  let byTypes = offeredOf.get(catalog);
  if (!byTypes) offeredOf.set(catalog, (byTypes = new Map()));
  let all = byTypes.get("*");
  if (!all) {
    all = [...catalog.list()].sort(
      (a, b) => ORIGIN_ORDER[a.origin] - ORIGIN_ORDER[b.origin] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
    byTypes.set("*", all);
  }
  if (!unitTypes) return all;
  const key = unitTypes.join(" ");
  let units = byTypes.get(key);
  if (!units) {
    units = all.filter((unit) => unitTypes.includes(unit.name.slice(unit.name.lastIndexOf(".") + 1)));
    byTypes.set(key, units);
  }
  return units;
}

/** The index of the first unit of this origin whose name is not below `name` (the units sorted as `offered` sorts them). */
function lowerBound(units: readonly KnownUnit[], origin: number, name: string): number {
  let [low, high] = [0, units.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    const unit = units[middle]!;
    const order = ORIGIN_ORDER[unit.origin];
    if (order < origin || (order === origin && unit.name < name)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Up to `limit` units whose names start with `prefix`, in offered order, found by a binary search in each origin. */
function startingWith(units: readonly KnownUnit[], prefix: string, limit: number, skip: string): KnownUnit[] {
  const found: KnownUnit[] = [];
  for (const origin of [0, 1, 2]) {
    for (let i = lowerBound(units, origin, prefix); i < units.length && found.length < limit; i++) {
      const unit = units[i]!;
      if (ORIGIN_ORDER[unit.origin] !== origin || !unit.name.startsWith(prefix)) break;
      if (unit.name !== skip) found.push(unit);
    }
  }
  return found;
}

/** Lists answered from one catalog, by directive, file, word and range: asked again as they were, they are not made again. */
const answered = new WeakMap<UnitCatalog, Map<string, CompletionList>>();
const ANSWERS_KEPT = 64;

/**
 * Unit names for a unit-typed directive, filtered by the types it accepts; the file's own name is
 * left out. Where an instance is needed, a template is inserted with a placeholder for the instance.
 * Of a long list, the names that start with what is typed come first, then those that contain it,
 * up to MAX_UNIT_ITEMS: the list is then incomplete, and the client asks again as the user types.
 * The same question of the same catalog gets the same list (not to be changed by the caller).
 */
export function unitNameItems(info: DirectiveInfo, catalog: UnitCatalog, ownName: string, typed: string, range: Range): CompletionList {
  let lists = answered.get(catalog);
  if (!lists) answered.set(catalog, (lists = new Map()));
  const key = JSON.stringify([info.name, info.section, ownName, typed, range.start, range.end]);
  let list = lists.get(key);
  if (!list) {
    if (lists.size >= ANSWERS_KEPT) lists.clear();
    lists.set(key, (list = unitNameList(info, catalog, ownName, typed, range)));
  }
  return list;
}

function unitNameList(info: DirectiveInfo, catalog: UnitCatalog, ownName: string, typed: string, range: Range): CompletionList {
  const value = unitValueOf(info);
  if (!value) return { isIncomplete: false, items: [] };
  const instanceOf = (name: string) => {
    if (TAKES_TEMPLATES.has(info.name)) return undefined;
    const at = name.indexOf("@.");
    const escaped = (text: string) => text.replace(/[\\$}]/g, "\\$&");
    return at < 0 ? undefined : `${escaped(name.slice(0, at + 1))}\${1:instance}${escaped(name.slice(at + 1))}`;
  };
  const all = offered(catalog, value.unitTypes);
  const own = catalog.get(ownName);
  const ownOffered = own !== undefined && all[lowerBound(all, ORIGIN_ORDER[own.origin], ownName)] === own;
  const accepted = all.length - (ownOffered ? 1 : 0);
  const starting = startingWith(all, typed, MAX_UNIT_ITEMS, ownName);
  let units: KnownUnit[];
  if (accepted <= MAX_UNIT_ITEMS) units = all.filter((unit) => unit.name !== ownName);
  else if (starting.length === MAX_UNIT_ITEMS) units = starting;
  else {
    // Few names start so: those that contain the word (any case) fill the list, from a scan.
    const lower = typed.toLowerCase();
    const containing = all.filter(
      (unit) => unit.name !== ownName && !unit.name.startsWith(typed) && unit.name.toLowerCase().includes(lower),
    );
    units = [...starting, ...containing.slice(0, MAX_UNIT_ITEMS - starting.length)];
  }
  // Descriptions are read for the names that match what is typed so far, up to a bound. A cut list
  // is asked for again at each key: its items carry their description only, and get their
  // documentation on resolve.
  const isIncomplete = units.length < accepted;
  const eager = new Set((starting.length > 0 ? starting : units).slice(0, EAGER_DESCRIPTIONS));
  // Names of one origin sort by name alone, as a client sorts labels without a sort text.
  const mixed = units.some((unit) => unit.origin !== units[0]!.origin);
  const items = units.map((unit): CompletionItem => {
    const description = eager.has(unit) ? catalog.description(unit.name) : undefined;
    const documented = eager.has(unit) && !isIncomplete;
    const snippet = instanceOf(unit.name);
    return {
      label: unit.name,
      kind: CompletionItemKind.Module,
      ...(description && { detail: description }),
      ...(documented && { documentation: unitDocumentation(unit, description) }),
      ...(unit.masked && { tags: [CompletionItemTag.Deprecated] }),
      ...(mixed && { sortText: `${ORIGIN_ORDER[unit.origin]}${unit.name}` }),
      ...(snippet
        ? { textEdit: { range, newText: snippet }, insertTextFormat: InsertTextFormat.Snippet }
        : { textEdit: { range, newText: unit.name } }),
      ...(!documented && { data: UNIT_ITEM_DATA }),
    };
  });
  return { isIncomplete, items };
}

/** Fills in the description of a unit name item that was listed without one. */
export function resolveUnitItem(item: CompletionItem, catalog: UnitCatalog): CompletionItem {
  const unit = (item.data as Partial<UnitItemData> | undefined)?.unitName === true ? catalog.get(item.label) : undefined;
  if (!unit) return item;
  const description = catalog.description(unit.name);
  return { ...item, ...(description && { detail: description }), documentation: unitDocumentation(unit, description) };
}

const URI_FORMS: readonly [form: string, meaning: string][] = [
  ["man:", "A manual page, e.g. man:systemd.service(5)"],
  ["https://", "A web page"],
  ["http://", "A web page (prefer https)"],
  ["file:", "A local file, e.g. file:/usr/share/doc/foo/README"],
  ["info:", "An info page, e.g. info:coreutils"],
];

/** The man pages this file is likely to want: those documenting its directives, and its programs' own pages. */
function manPageCandidates(file: UnitFile): string[] {
  const pages = new Set<string>();
  for (const section of file.sections) {
    for (const entry of section.entries) {
      if (!entry.key.startsWith("Exec")) continue;
      const program = parseExecLine(entry.value).commands[0]?.executable.text;
      const base = program?.slice(program.lastIndexOf("/") + 1);
      if (base) pages.add(base);
    }
  }
  for (const directive of schemaData.directives)
    if (directive.doc && directive.family === "unit") pages.add(manReference(directive.doc.page));
  return [...pages];
}

/** Documentation= URIs: the forms systemd accepts, and after `man:` the likely pages. */
export function documentationItems(file: UnitFile, word: string, range: Range): CompletionItem[] {
  if (word.startsWith("man:")) {
    return manPageCandidates(file).map((page, index) => ({
      label: `man:${page}`,
      kind: CompletionItemKind.Reference,
      sortText: String(index).padStart(4, "0"),
      textEdit: { range, newText: `man:${page}` },
    }));
  }
  return URI_FORMS.map(([form, meaning], index) => ({
    label: form,
    kind: CompletionItemKind.Keyword,
    detail: meaning,
    sortText: String(index),
    textEdit: { range, newText: form },
    ...(form === "man:" && { command: { title: "Suggest pages", command: "editor.action.triggerSuggest" } }),
  }));
}

/** The words a value of a named-set kind is made of: address families, errno names, exit statuses, capabilities, netlink families. */
export function namedValueWords(kind: ValueKind): readonly string[] {
  switch (kind) {
    case "addressFamilies":
      return [...ADDRESS_FAMILIES, "none"];
    case "errno":
      return [...Object.keys(ERRNO_NUMBERS), "kill"];
    case "exitStatusList":
      return [...EXIT_STATUS_NAMES, ...SIGNAL_NAMES];
    case "capabilities":
      return CAPABILITIES;
    case "netlinkAddress":
      return valueNames.netlinkFamilies;
    default:
      return [];
  }
}
