import assert from "node:assert/strict";
import { test } from "node:test";
import { checkOctalMode, formatOctalMode, parseOctalMode } from "../../src/language/values/octalMode";
import { acceptsAll, rejectsAll } from "./table";

acceptsAll("octalMode", checkOctalMode, ["0022", "022", "0755", "7777", "0"]);
rejectsAll("octalMode", checkOctalMode, [
  ["0855", 1, 2, '"8" is not an octal digit'],
  ["17777", 0, 5, "07777"],
  ["u=rwx", 0, 1, "octal"],
  ["+022", 0, 1, "octal"],
]);

test("octalMode: value and hover form", () => {
  assert.deepEqual(parseOctalMode("0027"), { ok: true, mode: 0o27 });
  assert.equal(formatOctalMode(0o755), "0755 (rwxr-xr-x)");
});
