import assert from "node:assert/strict";
import { test } from "node:test";
import { checkCapabilityList, parseCapabilityList } from "../../src/language/values/capability";
import { acceptsAll, rejectsAll } from "./table";

acceptsAll("capability", checkCapabilityList, [
  "CAP_NET_BIND_SERVICE",
  "~CAP_SYS_ADMIN CAP_SYS_PTRACE",
  "cap_chown",
  "",
  "~",
  "12",
  '"CAP_KILL"',
]);
rejectsAll("capability", checkCapabilityList, [
  ["CAP_NET_BIND", 0, 12, '"CAP_NET_BIND" is not one', "warning"],
  ["~CAP_KILL CAP_BOGUS", 10, 19, "systemd ignores it", "warning"],
  ["64", 0, 2, "is not one", "warning"],
  ['CAP_KILL "CAP_CHOWN', 9, 19, "closing"],
]);

test("capability: list is parsed with inversion and canonical names", () => {
  const r = parseCapabilityList("~cap_sys_admin 21 CAP_BPF");
  assert.equal(r.inverted, true);
  assert.deepEqual(
    r.items.map((i) => [i.name, i.number, i.start, i.end]),
    [
      ["CAP_SYS_ADMIN", 21, 1, 14],
      ["CAP_SYS_ADMIN", 21, 15, 17],
      ["CAP_BPF", 39, 18, 25],
    ],
  );
});
