import { memoized } from "./memoized";

interface Label {
  lower: string;
  /** Where a typed word may begin to match: the start, an upper-case letter or digit, or after a separator. */
  starts: number[];
}

/** Labels come from the knowledge base and the machine's units: a bounded set, each prepared once. */
const prepared = memoized(
  50_000,
  (label: string) => label,
  (label: string): Label => {
    const starts: number[] = [];
    for (let i = 0; i < label.length; i++) {
      if (i === 0 || /[A-Z0-9]/.test(label[i]!) || !/[A-Za-z0-9]/.test(label[i - 1]!)) starts.push(i);
    }
    return { lower: label.toLowerCase(), starts };
  },
);

const inOrder = (typed: string, label: string, from: number): boolean => {
  let next = 1;
  for (let i = from; i < label.length && next < typed.length; i++) if (label[i] === typed[next]) next++;
  return next === typed.length;
};

const matches = (typed: string, { lower, starts }: Label): boolean =>
  starts.some((start) => lower[start] === typed[0] && inOrder(typed, lower, start + 1));

/**
 * Whether an editor may show `label` for the word typed so far: the typed characters appear in
 * the label in order, ignoring case, the first at the start of one of its words. That is what VS
 * Code shows by default (editor.suggest.matchOnWordStartOnly) and what prefix-matching clients
 * show, with VS Code's allowance for two neighbouring characters typed the wrong way round (past
 * the first, in the first seven). A list cut by this keeps everything such a client would show.
 */
export function mayShow(typed: string, label: string): boolean {
  const word = typed.toLowerCase();
  if (word === "") return true;
  const candidate = prepared(label);
  if (matches(word, candidate)) return true;
  for (let i = 1; i < Math.min(7, word.length - 1); i++) {
    if (word[i] === word[i + 1]) continue;
    if (matches(`${word.slice(0, i)}${word[i + 1]}${word[i]}${word.slice(i + 2)}`, candidate)) return true;
  }
  return false;
}
