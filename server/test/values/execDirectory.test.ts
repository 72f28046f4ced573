import assert from "node:assert/strict";
import { test } from "node:test";
import { checkExecDirectory } from "../../src/language/values/execDirectory";
import { acceptsAll, rejectsAll } from "./table";

const state = (word: string) => checkExecDirectory(word, word, { base: "/var/lib", target: true });
const configuration = (word: string) => checkExecDirectory(word, word, { base: "/etc", target: false });

acceptsAll("exec directory", state, ["app", "app/sub", "./app", "app/", "app//sub", "app:link", "app::ro", "app:link:ro", "app:"]);
rejectsAll("exec directory", state, [
  ["/var/lib/app", 0, 12, "relative to /var/lib"],
  ["a/../b", 0, 6, "not a plain path"],
  [".", 0, 1, "not a plain path"],
  ["app:/srv/link", 4, 13, "link name relative to /var/lib"],
  ["app:../link", 4, 11, "not a plain path"],
  ["app:link:rw", 9, 11, 'Expected "ro"'],
  ["private", 0, 7, '"private"'],
]);
rejectsAll("configuration directory", configuration, [["app:link", 3, 8, "takes no"]]);

test("exec directory: the fix strips the base, or its specifier, from what was written", () => {
  assert.deepEqual(checkExecDirectory("/a/app", "%S/app", { base: "/var/lib", target: true })[0]?.suggestions, ["app"]);
  assert.deepEqual(state("/var/lib/app/sub")[0]?.suggestions, ["app/sub"]);
  assert.equal(state("/srv/app")[0]?.suggestions, undefined);
  assert.equal(state("/var/lib")[0]?.suggestions, undefined);
});
