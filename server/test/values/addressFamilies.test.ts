import assert from "node:assert/strict";
import { test } from "node:test";
import { checkAddressFamilies } from "../../src/language/values/addressFamilies";
import { acceptsAll, rejectsAll } from "./table";

acceptsAll("address families", checkAddressFamilies, [
  "AF_UNIX",
  "AF_UNIX AF_INET AF_INET6",
  "~AF_PACKET",
  "~ AF_UNIX",
  "af_unix",
  "none",
  "AF_LOCAL AF_FILE AF_ROUTE",
]);
rejectsAll("address families", checkAddressFamilies, [
  ["INET", 0, 4, "not an address family"],
  ["AF_UNIX,AF_INET", 0, 15, "not commas"],
  ["AF_UNIX AF_BOGUS", 8, 16, "drops the whole setting"],
  ["~none", 1, 5, "not an address family"],
  ["none AF_UNIX", 0, 4, "not an address family"],
]);

test("address families: the fix adds the prefix and spaces the list", () => {
  assert.deepEqual(checkAddressFamilies("unix inet6")[0]?.suggestions, ["AF_UNIX"]);
  assert.deepEqual(checkAddressFamilies("~AF_UNIX,netlink")[0]?.suggestions, ["AF_UNIX AF_NETLINK"]);
  assert.deepEqual(checkAddressFamilies("AF_INTE")[0]?.suggestions, ["AF_INET"]);
});
