import assert from "node:assert/strict";
import { test } from "node:test";
import { checkInteger, parseInteger } from "../../src/language/values/integer";
import { acceptsAll, rejectsAll } from "./table";

const nice = (v: string) => checkInteger(v, { min: -20, max: 19 });
acceptsAll("integer (Nice=)", nice, ["0", "-20", "19", "+5", " 7", "0x10"]);
rejectsAll("integer (Nice=)", nice, [
  ["20", 0, 2, "from -20 to 19"],
  ["-21", 0, 3, "out of range"],
  ["ten", 0, 3, '"ten" is not a number'],
  ["5 ", 0, 2, "not a number"],
  ["99999999999", 0, 11, "too large"],
]);

test("integer: C prefixes are read as systemd reads them", () => {
  assert.deepEqual(parseInteger("0x1f"), { ok: true, value: 31 });
  assert.deepEqual(parseInteger("010"), { ok: true, value: 8 });
  assert.deepEqual(parseInteger("0b101"), { ok: true, value: 5 });
});
