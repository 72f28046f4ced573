import { formatTimeSpan, parseTimeSpan } from "../values/timeSpan";
import { rangeOf } from "./edits";
import { quickFix, type Fix } from "./fixContext";

const ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
const TEENS = ["thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

function numberWord(word: string): number | undefined {
  if (word === "a" || word === "an") return 1;
  if (ONES.includes(word)) return ONES.indexOf(word);
  if (TEENS.includes(word)) return 13 + TEENS.indexOf(word);
  if (TENS.includes(word)) return 20 + 10 * TENS.indexOf(word);
  return undefined;
}

/** "five minutes" → "5 minutes", "twenty-five seconds" → "25 seconds"; undefined when no word was a number. */
export function withDigits(text: string): string | undefined {
  const out: string[] = [];
  let pending: number | undefined;
  let replaced = false;
  for (const word of text
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((each) => each !== "" && each !== "and")) {
    const value = numberWord(word);
    if (value === undefined) {
      if (pending !== undefined) out.push(String(pending));
      pending = undefined;
      out.push(word);
      continue;
    }
    replaced = true;
    // "twenty five": a ten followed by a one adds up; anything else starts a new number.
    pending = pending !== undefined && pending % 10 === 0 && pending >= 20 && value < 10 ? pending + value : value;
  }
  if (pending !== undefined) out.push(String(pending));
  return replaced ? out.join(" ") : undefined;
}

/** invalid-value on a time span written in words: the same span as systemd writes it ("five minutes" → "5min"). */
export const spelledTimeSpan: Fix = (context) => {
  const { file, entry, section, schema } = context;
  if (!entry || !section || schema?.directive(section.name, entry.key)?.value.kind !== "timespan") return [];
  const digits = withDigits(entry.value);
  const parsed = digits === undefined ? undefined : parseTimeSpan(digits);
  if (!parsed?.ok || parsed.infinity) return [];
  const span = formatTimeSpan(parsed.usec);
  return [
    quickFix(
      context,
      `Change to ${entry.key}=${span}`,
      [{ range: rangeOf(file, entry.valueSpan.start, entry.valueSpan.end), newText: span }],
      true,
    ),
  ];
};
