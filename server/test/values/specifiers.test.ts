import assert from "node:assert/strict";
import { test } from "node:test";
import { checkSpecifiers, findSpecifiers } from "../../src/language/values/specifiers";
import { acceptsAll, rejectsAll } from "./table";

acceptsAll("specifiers", checkSpecifiers, ["%n", "/run/%i/%N.pid", "100%%", "50% off", "trailing %", "%h/.config", "%-x"]);
rejectsAll("specifiers", checkSpecifiers, [
  ["%Z", 0, 2, 'unknown "%Z"'],
  ["/srv/%i/%k", 8, 10, 'unknown "%k"'],
  ["%c", 0, 2, "deprecated", "warning"],
]);
rejectsAll("specifiers (restricted set)", (v) => checkSpecifiers(v, { letters: new Set(["n"]) }), [["%i", 0, 2, 'unknown "%i"']]);

test("specifiers: occurrences with offsets; %% is an escape", () => {
  assert.deepEqual(findSpecifiers("a%%b%ic"), [
    { letter: "%", start: 1, end: 3, known: true },
    { letter: "i", start: 4, end: 6, known: true },
  ]);
});
