import { closestMatch } from "../schema/suggest";
import { valueNames } from "./errnoNames";
import { problemAt, quoted, type ValueProblem } from "./problem";
import { splitWords } from "./words";

/** The AF_* names systemd knows, aliases (AF_LOCAL, AF_FILE, AF_ROUTE) included. */
export const ADDRESS_FAMILIES: readonly string[] = valueNames.addressFamilies;
const BY_UPPER = new Map(ADDRESS_FAMILIES.map((name) => [name.toUpperCase(), name]));

/** af_from_name(): an AF_* name in any case. */
export function isAddressFamily(word: string): boolean {
  return BY_UPPER.has(word.toUpperCase());
}

const DROPPED = "so systemd drops the whole setting and every address family stays allowed";

/** What a word that is no family was most likely meant to be, as the text to put in its place. */
function meant(word: string): string | undefined {
  const parts = word.split(",").filter((p) => p !== "");
  if (parts.length > 1) {
    const fixed = parts.map(meant);
    return fixed.every((f) => f !== undefined) ? fixed.join(" ") : undefined;
  }
  const [part = ""] = parts;
  if (isAddressFamily(part)) return BY_UPPER.get(part.toUpperCase());
  return BY_UPPER.get(`AF_${part.toUpperCase()}`);
}

function wordProblem(word: string, start: number, end: number): ValueProblem {
  const fix = meant(word);
  const closest = fix ?? closestMatch(word, ADDRESS_FAMILIES);
  const reason = word.includes(",")
    ? `families are separated by spaces, not commas; ${quoted(word)} is read as one unknown name`
    : `${quoted(word)} is not an address family`;
  return {
    ...problemAt(
      start,
      end,
      `Expected AF_* names such as "AF_UNIX AF_INET AF_INET6", or "none"; ${reason}, ${DROPPED}.${closest ? ` Did you mean "${closest}"?` : ""}`,
    ),
    ...(closest && { suggestions: [closest] }),
  };
}

/** RestrictAddressFamilies=: "none", or an optional "~" and AF_* names; one unknown name voids the line. */
export function checkAddressFamilies(value: string): ValueProblem[] {
  if (value === "none") return [];
  const offset = value.startsWith("~") ? 1 : 0;
  const split = splitWords(value.slice(offset), { unquote: true });
  const problems = split.words.filter((w) => !isAddressFamily(w.text)).map((w) => wordProblem(w.text, w.start + offset, w.end + offset));
  if (split.problem) problems.push({ ...split.problem, start: split.problem.start + offset, end: split.problem.end + offset });
  return problems;
}
