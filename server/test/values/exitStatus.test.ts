import assert from "node:assert/strict";
import { test } from "node:test";
import { checkExitStatusList } from "../../src/language/values/exitStatus";
import { acceptsAll, rejectsAll } from "./table";

acceptsAll("exit statuses", checkExitStatusList, [
  "0",
  "1 2 SIGKILL",
  "TEMPFAIL",
  "255",
  "0x10",
  "010",
  "KILL",
  "SIGRTMIN+1",
  "NOPERMISSION",
]);
rejectsAll("exit statuses", checkExitStatusList, [
  ["1,2", 0, 3, "not commas"],
  ["0 256", 2, 5, "from 0 to 255"],
  ["-1", 0, 2, "from 0 to 255"],
  ["tempfail", 0, 8, "neither"],
  ["EXIT_TEMPFAIL", 0, 13, "neither"],
]);

test("exit statuses: the fixes undo commas, the EXIT_ prefix and lower case", () => {
  assert.deepEqual(checkExitStatusList("1,2,SIGTERM")[0]?.suggestions, ["1 2 SIGTERM"]);
  assert.deepEqual(checkExitStatusList("EXIT_TEMPFAIL")[0]?.suggestions, ["TEMPFAIL"]);
  assert.deepEqual(checkExitStatusList("sighup")[0]?.suggestions, ["SIGHUP"]);
  assert.equal(checkExitStatusList("300")[0]?.suggestions, undefined);
});
