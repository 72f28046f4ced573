import assert from "node:assert/strict";
import { test } from "node:test";
import { checkBoolean, parseBoolean } from "../../src/language/values/boolean";
import { acceptsAll, rejectsAll } from "./table";

acceptsAll("boolean", checkBoolean, ["1", "yes", "y", "true", "t", "on", "0", "no", "n", "false", "f", "off", "YES", "On", "FALSE"]);
rejectsAll("boolean", checkBoolean, [
  ["enable", 0, 6, '"enable" is not one'],
  ["", 0, 0, '"yes" or "no"'],
  [" yes", 0, 4, "boolean"],
  ["2", 0, 1, "boolean"],
]);

test("boolean: parse gives the meaning", () => {
  assert.deepEqual(parseBoolean("On"), { ok: true, value: true });
  assert.deepEqual(parseBoolean("f"), { ok: true, value: false });
  assert.deepEqual(parseBoolean("maybe"), { ok: false });
});
