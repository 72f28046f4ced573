import assert from "node:assert/strict";
import { test } from "node:test";
import { checkEnvironment, parseEnvironment } from "../../src/language/values/environment";
import { acceptsAll, rejectsAll } from "./table";

acceptsAll("environment", checkEnvironment, [
  "FOO=bar",
  '"GREETING=hello world" A=1',
  "EMPTY=",
  "X='a b'c",
  "PATH=/usr/bin:%h/bin",
  "TAB=a\\tb",
  "",
]);
rejectsAll("environment", checkEnvironment, [
  ["FOO", 0, 3, 'has no "="'],
  ["A=1 9X=3", 4, 8, '"9X" is not a valid variable name'],
  ['A="unterminated', 2, 15, "closing"],
  ["A=\\q", 2, 4, "escape"],
  ["MY-VAR=1", 0, 8, "not a valid variable name"],
]);

test("environment: assignments are unquoted and unescaped", () => {
  const r = parseEnvironment('A=1 "B=two words" C=x\\ny');
  assert.deepEqual(
    r.assignments.map((a) => [a.name, a.value, a.start, a.end]),
    [
      ["A", "1", 0, 3],
      ["B", "two words", 4, 17],
      ["C", "x\ny", 18, 24],
    ],
  );
});
