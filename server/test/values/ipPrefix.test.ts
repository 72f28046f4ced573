import assert from "node:assert/strict";
import { test } from "node:test";
import { checkIpPrefixes, isIPv6, parseIpPrefixes } from "../../src/language/values/ipPrefix";
import { acceptsAll, rejectsAll } from "./table";

acceptsAll("ipPrefix", checkIpPrefixes, [
  "10.0.0.0/8",
  "192.168.1.1",
  "fd00::/8",
  "::1",
  "any",
  "localhost link-local multicast",
  "::ffff:10.0.0.1/96",
  "0.0.0.0/0",
]);
rejectsAll("ipPrefix", checkIpPrefixes, [
  ["10.0.0.256", 0, 10, "not an IPv4 or IPv6 address"],
  ["10.0.0.0/33", 0, 11, "from 0 to 32"],
  ["any 01.2.3.4", 4, 12, "not an IPv4"],
  ["fd00::/129", 0, 10, "from 0 to 128"],
  ["1::2::3", 0, 7, "not an IPv4"],
  ["ANY", 0, 3, "not an IPv4"],
]);
rejectsAll("ipPrefix (IPv4 only)", (v) => checkIpPrefixes(v, { family: "ipv4" }), [["::1", 0, 3, "only IPv4"]]);

test("ipPrefix: families and prefix lengths", () => {
  const { items } = parseIpPrefixes("10.0.0.0/8 fe80::1 any");
  assert.deepEqual(
    items.map((i) => [i.family, i.prefixLength, i.word]),
    [
      ["ipv4", 8, undefined],
      ["ipv6", 128, undefined],
      [undefined, undefined, "any"],
    ],
  );
  assert.ok(isIPv6("1:2:3:4:5:6:7:8"));
  assert.ok(!isIPv6("1:2:3:4:5:6:7:8:9"));
});
