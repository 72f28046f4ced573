import { valueNames } from "./errnoNames";
import { readCInteger } from "./numbers";
import { problemAt, quoted, type ValueProblem } from "./problem";
import { parseSignal } from "./signal";
import { splitWords } from "./words";

/** The names exit_status_from_string() knows, exact case: "TEMPFAIL", "NOPERMISSION", ... */
export const EXIT_STATUS_NAMES: readonly string[] = valueNames.exitStatusNames;
const NAMES = new Set(EXIT_STATUS_NAMES);

/** An exit status (a name, or a number 0..255 read as safe_atou8() does) or else a signal, as config_parse_set_status() reads a word. */
export function isExitStatusOrSignal(word: string): boolean {
  if (NAMES.has(word)) return true;
  const n = readCInteger(word);
  if (n) return !n.negative && n.value <= 255n;
  return parseSignal(word).ok;
}

/** The word that was most likely meant, where one reading is clear. */
function meant(word: string): string | undefined {
  const parts = word.split(",").filter((p) => p !== "");
  if (parts.length > 1) return parts.every(isExitStatusOrSignal) ? parts.join(" ") : undefined;
  const upper = word.toUpperCase().replace(/^EXIT_/, "");
  if (NAMES.has(upper)) return upper;
  const signal = parseSignal(word.toUpperCase());
  return signal.ok && !/^\d/.test(word) ? signal.name : undefined;
}

function wordProblem(word: string, start: number, end: number): ValueProblem {
  const n = readCInteger(word);
  const reason = n
    ? "exit statuses go from 0 to 255"
    : word.includes(",")
      ? `statuses are separated by spaces, not commas, so ${quoted(word)} is one unknown word`
      : `${quoted(word)} is neither`;
  const fix = meant(word);
  return {
    ...problemAt(
      start,
      end,
      `Expected exit statuses (0 to 255, or names such as "TEMPFAIL") and signals (such as "SIGTERM"); ${reason}, so systemd ignores it.${fix ? ` Did you mean "${fix}"?` : ""}`,
    ),
    ...(fix && { suggestions: [fix] }),
  };
}

/** SuccessExitStatus=, RestartPreventExitStatus=, RestartForceExitStatus=: space-separated words. */
export function checkExitStatusList(value: string): ValueProblem[] {
  const split = splitWords(value);
  const problems = split.words.filter((w) => !isExitStatusOrSignal(w.text)).map((w) => wordProblem(w.text, w.start, w.end));
  return split.problem ? [...problems, split.problem] : problems;
}
