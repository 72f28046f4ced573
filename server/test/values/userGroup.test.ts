import assert from "node:assert/strict";
import { test } from "node:test";
import { checkUserGroup, parseUserGroup } from "../../src/language/values/userGroup";
import { acceptsAll, rejectsAll } from "./table";

acceptsAll("userGroup", checkUserGroup, ["www-data", "_myservice", "root", "1000", "0", "a".repeat(31)]);
rejectsAll("userGroup", checkUserGroup, [
  ["", 0, 0, "empty"],
  ["foo:bar", 0, 7, '":" or "/"'],
  ["-1", 0, 2, "only of digits"],
  ["65535", 0, 5, "only of digits"],
  [" root", 0, 5, "space"],
  ["..", 0, 2, "not names"],
  ["john.doe", 0, 8, "other tools may not", "warning"],
  ["1abc", 0, 4, "portable", "warning"],
  ["a".repeat(32), 0, 32, "at most 31", "warning"],
]);
rejectsAll("userGroup (names only)", (v) => checkUserGroup(v, { allowNumeric: false, what: "group" }), [
  ["100", 0, 3, "numeric ids are not allowed"],
]);

test("userGroup: ids and names are told apart", () => {
  assert.deepEqual(parseUserGroup("1000"), { ok: true, kind: "id", id: 1000 });
  assert.deepEqual(parseUserGroup("john.doe"), { ok: true, kind: "name", name: "john.doe", strict: false });
});
