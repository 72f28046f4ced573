import assert from "node:assert/strict";
import { test } from "node:test";
import { checkNetlinkAddress, checkSocketAddress } from "../../src/language/values/socketAddress";
import { acceptsAll, rejectsAll } from "./table";

const address = (value: string) => checkSocketAddress(value, value);

acceptsAll("socket address", address, [
  "8080",
  "0.0.0.0:80",
  "[::1]:8080",
  "[::]:53",
  "/run/app.sock",
  "@app",
  "vsock::1234",
  "vsock:2:1234",
  "vsock-stream:host:22",
]);
rejectsAll("socket address", address, [
  ["localhost:8080", 0, 14, "host names are not looked up"],
  ["run/app.sock", 0, 12, "must be absolute"],
  ["0", 0, 1, "from 1 to 65535"],
  ["65536", 0, 5, "from 1 to 65535"],
  ["127.0.0.1", 0, 9, "needs a port"],
  ["[::1]", 0, 5, "needs a port"],
  ["1.2.3:80", 0, 8, "not an IPv4 address"],
  ["[::1]:80x", 0, 9, "not a port number"],
  ["@", 0, 1, "needs a name"],
  ["vsock:1234", 0, 10, "vsock:CID:PORT"],
]);
acceptsAll("netlink address", checkNetlinkAddress, ["route", "kobject-uevent 1", "16 0"]);
rejectsAll("netlink address", checkNetlinkAddress, [
  ["bogus 1", 0, 5, "netlink family"],
  ["route one", 5, 9, "group number"],
]);

test("socket address: the fixes for what was clearly meant", () => {
  assert.deepEqual(address("localhost:8080")[0]?.suggestions, ["127.0.0.1:8080", "[::1]:8080"]);
  assert.deepEqual(address("app.sock")[0]?.suggestions, ["%t/app.sock"]);
  assert.deepEqual(address("var/run/app.sock")[0]?.suggestions, ["/var/run/app.sock"]);
  assert.deepEqual(address("*:80")[0]?.suggestions, ["80"]);
  assert.equal(address("eth0")[0]?.suggestions, undefined);
});

test("socket address: one made of specifiers is judged only where they cannot matter", () => {
  assert.deepEqual(checkSocketAddress("aa", "%i"), []);
  assert.deepEqual(checkSocketAddress("127.0.0.1:aa", "127.0.0.1:%i"), []);
  assert.equal(checkSocketAddress("/a/app.sock", "%t/app.sock").length, 0);
  assert.equal(checkSocketAddress("@", "@").length, 1);
});
