import assert from "node:assert/strict";
import { test } from "node:test";
import { checkUnitName, parseUnitName } from "../../src/language/values/unitName";
import { acceptsAll, rejectsAll } from "./table";

acceptsAll("unitName", checkUnitName, [
  "foo.service",
  "foo@.service",
  "foo@bar.timer",
  "dev-sda1.device",
  "a\\x2db.mount",
  "x:y_z.socket",
  "a@b@c.service",
  "a".repeat(247) + ".service",
]);
rejectsAll("unitName", checkUnitName, [
  ["foo", 0, 3, "type suffix"],
  ["foo.servic", 3, 10, '".servic" is not a unit type'],
  ["@foo.service", 0, 1, "cannot start with @"],
  ["foo bar.service", 3, 4, '" " is not allowed'],
  [".service", 0, 8, "type suffix"],
  ["a".repeat(248) + ".service", 0, 256, "longer than 255"],
  ["", 0, 1, "empty"],
]);
rejectsAll("unitName (slices only)", (v) => checkUnitName(v, { types: ["slice"] }), [["foo.service", 3, 11, "not allowed here"]]);
rejectsAll("unitName (no templates)", (v) => checkUnitName(v, { allow: ["plain", "instance"] }), [["foo@.service", 0, 12, "template"]]);

test("unitName: splits into type, prefix and instance", () => {
  assert.deepEqual(parseUnitName("getty@tty1.service"), {
    ok: true,
    unit: { type: "service", prefix: "getty", kind: "instance", instance: "tty1" },
  });
  assert.deepEqual(parseUnitName("getty@.service"), { ok: true, unit: { type: "service", prefix: "getty", kind: "template" } });
  assert.deepEqual(parseUnitName("multi-user.target"), { ok: true, unit: { type: "target", prefix: "multi-user", kind: "plain" } });
});
