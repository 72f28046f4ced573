import assert from "node:assert/strict";
import { test } from "node:test";
import { checkCpuSet, parseCpuSet } from "../../src/language/values/cpuSet";
import { acceptsAll, rejectsAll } from "./table";

acceptsAll("cpuSet", checkCpuSet, ["0-3 5,7", "1", "0,1,2", "0x2", "", "0-0"]);
rejectsAll("cpuSet", checkCpuSet, [
  ["0-3 a", 4, 5, '"a" is neither'],
  ["3-1", 0, 3, "runs backwards", "warning"],
  ["1-", 0, 2, "neither"],
  ["8192", 0, 4, "up to 8191"],
]);

test("cpuSet: expands ranges", () => {
  assert.deepEqual(parseCpuSet("0-3 5,7 2").cpus, [0, 1, 2, 3, 5, 7]);
});
