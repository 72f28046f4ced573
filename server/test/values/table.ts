// Table helpers shared by the value grammar tests.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ValueProblem } from "../../src/language/values/problem";

type Check = (value: string) => ValueProblem[];

/** Every input must produce no problem at all. */
export function acceptsAll(name: string, check: Check, inputs: readonly string[]): void {
  test(`${name}: accepts valid values`, () => {
    for (const input of inputs) assert.deepEqual(check(input), [], `expected ${JSON.stringify(input)} to be accepted`);
  });
}

/** [input, start, end, a piece of the message, optional severity]: the first problem must match. */
export type Rejection = readonly [string, number, number, string, ValueProblem["severity"]?];

export function rejectsAll(name: string, check: Check, cases: readonly Rejection[]): void {
  test(`${name}: rejects invalid values with a located, explanatory message`, () => {
    for (const [input, start, end, fragment, severity] of cases) {
      const [first] = check(input);
      const label = JSON.stringify(input);
      assert.ok(first, `expected a problem for ${label}`);
      assert.deepEqual([first.start, first.end], [start, end], `offsets for ${label}: ${first.message}`);
      assert.match(first.message, /^Expected /, `message for ${label} says what was expected`);
      assert.ok(first.message.includes(fragment), `message for ${label} mentions ${JSON.stringify(fragment)}: ${first.message}`);
      assert.equal(first.severity, severity, `severity for ${label}`);
    }
  });
}
