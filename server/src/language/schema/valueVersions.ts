import generated from "./generated/valueVersions.json";
import type { ValueVersions } from "./generated/types";
import overlay from "./valueOverlay.json";
import type { DirectiveInfo } from "./fileSchema";

/** When systemd began accepting a value, and when it stopped; either may be unknown. */
export interface ValueHistory {
  since?: number;
  removed?: number;
  /** One line in the project's own words on why it went. */
  note?: string;
}

interface ValueOverlay {
  values: { family: string; sections: string[]; name: string; value: string; since?: number; removed?: number }[];
  execPrefixes: ({ prefix: string } & ValueHistory)[];
}

const hand = overlay as ValueOverlay;
const keyOf = (family: string, section: string, name: string, value: string) => `${family}/${section}/${name}=${value}`;

let table: Map<string, ValueHistory> | undefined;

/** Generated first, then the hand-kept overlay on top; built on first use. */
function values(): Map<string, ValueHistory> {
  if (table) return table;
  table = new Map();
  for (const v of (generated as unknown as ValueVersions).values) {
    table.set(keyOf(v.family, v.section, v.name, v.value), {
      ...(v.since && { since: v.since }),
      ...(v.removed && { removed: v.removed }),
    });
  }
  for (const v of hand.values) {
    for (const section of v.sections) {
      table.set(keyOf(v.family, section, v.name, v.value), {
        ...(v.since && { since: v.since }),
        ...(v.removed && { removed: v.removed }),
      });
    }
  }
  return table;
}

/** The history of one word of an enum directive ("exec", or a prefix such as "file:"). */
export function valueHistory(info: Pick<DirectiveInfo, "family" | "section" | "name">, word: string): ValueHistory | undefined {
  return values().get(keyOf(info.family, info.section, info.name, word));
}

/** The history of a word as written: the word itself, or the "prefix:" it starts with (StandardOutput=file:/x). */
export function wordHistory(info: Pick<DirectiveInfo, "family" | "section" | "name" | "value">, word: string): ValueHistory | undefined {
  const exact = valueHistory(info, word);
  if (exact) return exact;
  const prefixes = info.value.kind === "enum" ? (info.value.prefixes ?? []) : [];
  const prefix = prefixes.find((p) => word.startsWith(p));
  return prefix ? valueHistory(info, prefix) : undefined;
}

/** The exec line prefixes whose arrival or removal is recorded, longest first ("!!" before "!"). */
export const EXEC_PREFIXES = [...hand.execPrefixes].sort((a, b) => b.prefix.length - a.prefix.length);
