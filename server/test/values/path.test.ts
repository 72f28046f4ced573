import assert from "node:assert/strict";
import { test } from "node:test";
import { checkPath, parsePath } from "../../src/language/values/path";
import { acceptsAll, rejectsAll } from "./table";

acceptsAll("path", checkPath, ["/var/lib/myapp", "/", "/etc/my.conf", "/run/%n"]);
acceptsAll("path (optional prefix)", (v) => checkPath(v, { allowOptionalPrefix: true }), ["-/etc/default/myapp", "/etc/default/myapp"]);
acceptsAll("path (relative allowed)", (v) => checkPath(v, { absolute: false }), ["myapp", "sub/dir"]);
rejectsAll("path", checkPath, [
  ["var/lib", 0, 7, 'does not start with "/"'],
  ["", 0, 1, "empty"],
  ["/var//lib", 4, 6, "normalised", "warning"],
  ["/var/./lib", 4, 6, "normalised", "warning"],
  ["/var/../etc", 5, 7, '".." is not allowed'],
  ["/var/lib/", 8, 9, "trailing slash", "info"],
  ["-/etc/x", 0, 7, 'does not start with "/"'],
]);
rejectsAll("path (optional prefix)", (v) => checkPath(v, { allowOptionalPrefix: true }), [["-etc/x", 1, 6, 'does not start with "/"']]);

test("path: the optional prefix is split off", () => {
  assert.deepEqual(parsePath("-/etc/x", { allowOptionalPrefix: true }), { optional: true, path: "/etc/x", start: 1 });
  assert.deepEqual(parsePath("-/etc/x"), { optional: false, path: "-/etc/x", start: 0 });
});
