import assert from "node:assert/strict";
import { test } from "node:test";
import { checkSyscallFilter, findSyscallGroup, parseSyscallFilter } from "../../src/language/values/syscallFilter";
import { acceptsAll, rejectsAll } from "./table";

acceptsAll("syscallFilter", checkSyscallFilter, [
  "@system-service",
  "~@privileged @resources",
  "uname",
  "~@mount:EPERM",
  "~ptrace:kill",
  "~uname:13",
  "@known",
]);
rejectsAll("syscallFilter", checkSyscallFilter, [
  ["@sytem-service", 0, 14, "not a group systemd knows", "warning"],
  ["unmae", 0, 5, "not one systemd knows", "warning"],
  ["uname:EPERM", 5, 11, '"~" deny list', "warning"],
  ["~uname:EWHAT", 7, 12, '"EWHAT" is not one', "warning"],
  ["~:EPERM", 1, 7, "before"],
]);

test("syscallFilter: items carry groups and error numbers", () => {
  const r = parseSyscallFilter("~@clock uname:EACCES");
  assert.equal(r.inverted, true);
  assert.equal(r.items[0]!.group?.name, "@clock");
  assert.ok(r.items[0]!.group!.members.includes("settimeofday"));
  assert.deepEqual([r.items[1]!.name, r.items[1]!.errno, r.items[1]!.start], ["uname", 13, 8]);
  assert.ok(findSyscallGroup("@system-service")!.members.includes("@basic-io"));
});
