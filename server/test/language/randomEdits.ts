import fc from "fast-check";

/** A range of a text replaced by new text, as an editor sends a change. */
export interface Edit {
  at: number;
  removed: number;
  inserted: string;
}

// Texts typed into a unit: the characters that change how lines are read, and ordinary ones.
const typed = fc.oneof(
  fc.constantFrom(
    "\n",
    "\r\n",
    "\r",
    "\\",
    "\\\n",
    "#",
    ";",
    "[",
    "]",
    "=",
    " ",
    "\t",
    "[Service]\n",
    "A=b\n",
    "\uFEFF",
    "é",
    "{% if x %}",
  ),
  fc.string({ maxLength: 8 }),
);

/** A few edits anywhere in a text of `length` characters: mostly a key typed or deleted, now and then more. */
export const randomEdits = (length: number): fc.Arbitrary<Edit[]> =>
  fc
    .array(
      fc.record({
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        removed: fc.oneof(fc.constant(0), fc.constant(1), fc.nat(40)),
        inserted: fc.oneof(fc.constant(""), typed),
      }),
      { minLength: 1, maxLength: 6 },
    )
    .map((list) => list.map(({ at, removed, inserted }) => ({ at: Math.floor(at * length), removed, inserted })));

/** The text after `edit`. */
export function applyEdit(text: string, { at, removed, inserted }: Edit): string {
  const start = Math.min(at, text.length);
  return text.slice(0, start) + inserted + text.slice(Math.min(text.length, start + removed));
}

/** The edits of one run: a sample drawn from `seed`, so that a failing run can be replayed. */
export const editsFor = (text: string, seed: number): Edit[] => fc.sample(randomEdits(text.length), { seed, numRuns: 1 })[0]!;
