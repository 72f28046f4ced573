import assert from "node:assert/strict";
import { test } from "node:test";
import { splitWords } from "../../src/language/values/words";

test("words: quoting, escapes and offsets follow systemd's word splitting", () => {
  const cases: [string, Parameters<typeof splitWords>[1], [string, number, number][]][] = [
    [
      `a "b c" d`,
      { unquote: true },
      [
        ["a", 0, 1],
        ["b c", 2, 7],
        ["d", 8, 9],
      ],
    ],
    [`x"y z"w`, { unquote: true }, [["xy zw", 0, 7]]],
    [
      `"" a`,
      { unquote: true },
      [
        ["", 0, 2],
        ["a", 3, 4],
      ],
    ],
    [`a\\ b`, {}, [["a b", 0, 4]]],
    [
      `'q' "r"`,
      {},
      [
        ["'q'", 0, 3],
        [`"r"`, 4, 7],
      ],
    ],
    [`\\x41\\u00e9\\101`, { cunescape: true }, [["AéA", 0, 14]]],
    [
      `1,2  3`,
      { separators: " ," },
      [
        ["1", 0, 1],
        ["2", 2, 3],
        ["3", 5, 6],
      ],
    ],
  ];
  for (const [input, options, expected] of cases) {
    const r = splitWords(input, options);
    assert.equal(r.problem, undefined, input);
    assert.deepEqual(
      r.words.map((w) => [w.text, w.start, w.end]),
      expected,
      input,
    );
  }
});

test("words: syntax errors are located", () => {
  assert.deepEqual(splitWords(`a "b`, { unquote: true }).problem?.start, 2);
  assert.deepEqual(splitWords(`a\\`).problem?.start, 1);
  assert.deepEqual(splitWords(`a \\q`, { cunescape: true }).problem?.start, 2);
  assert.deepEqual(splitWords(`\\x00`, { cunescape: true }).problem?.start, 0);
});
