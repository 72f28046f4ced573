import { closestMatch } from "../schema/suggest";
import { valueNames } from "./errnoNames";
import { readCInteger, toInt32 } from "./numbers";
import { problemAt, quoted, type ValueProblem } from "./problem";
import { splitWords } from "./words";

/** Capability names in kernel order (number = index), from the kernel header systemd carries. */
export const CAPABILITIES: readonly string[] = valueNames.capabilities;

export interface CapabilityItem {
  /** Canonical name, or the number for capabilities newer than this table. */
  name: string;
  number: number;
  start: number;
  end: number;
}

export interface CapabilityList {
  /** A leading "~": the listed capabilities are removed rather than granted. */
  inverted: boolean;
  items: CapabilityItem[];
  problems: ValueProblem[];
}

/** Reads one capability the way capability_from_name() does: a name in any case, or a number 0..63. */
export function capabilityFromName(word: string): number | undefined {
  const n = readCInteger(word);
  if (n) {
    const v = toInt32(n);
    return v !== undefined && v >= 0 && v < 64 ? v : undefined;
  }
  const index = CAPABILITIES.findIndex((c) => c === word.toUpperCase());
  return index >= 0 ? index : undefined;
}

/** Parses CapabilityBoundingSet=/AmbientCapabilities= values: an optional "~" and a list of capabilities. */
export function parseCapabilityList(value: string): CapabilityList {
  const inverted = value.startsWith("~");
  const offset = inverted ? 1 : 0;
  const split = splitWords(value.slice(offset), { unquote: true });
  const problems: ValueProblem[] = [];
  const items: CapabilityItem[] = [];
  for (const w of split.words) {
    const start = w.start + offset;
    const end = w.end + offset;
    const number = capabilityFromName(w.text);
    if (number === undefined) {
      const closest = closestMatch(w.text, CAPABILITIES);
      const consequence = inverted ? "stays in the set" : "is left out of the set";
      problems.push({
        ...problemAt(
          start,
          end,
          `Expected a capability such as "CAP_NET_BIND_SERVICE" or "CAP_SYS_ADMIN"; ${quoted(w.text)} is not one, and systemd ignores it without a word, so the capability meant ${consequence}.${closest ? ` Did you mean "${closest}"?` : ""}`,
          "warning",
        ),
        ...(closest && { suggestions: [closest] }),
        rule: "unknown-capability",
      });
    } else items.push({ name: CAPABILITIES[number] ?? String(number), number, start, end });
  }
  if (split.problem) problems.push({ ...split.problem, start: split.problem.start + offset, end: split.problem.end + offset });
  return { inverted, items, problems };
}

export function checkCapabilityList(value: string): ValueProblem[] {
  return parseCapabilityList(value).problems;
}
