import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { mapActiveState, mapEnabledState } from "../../src/systemd/unitState";

describe("is-active mapping", () => {
  const table: [string, unknown][] = [
    ["active", { run: "running", failed: false }],
    ["inactive", { run: "stopped", failed: false }],
    ["activating", { run: "stopped", failed: false }],
    ["failed", { run: "stopped", failed: true }],
  ];
  for (const [answer, expected] of table) {
    test(`${answer} → ${JSON.stringify(expected)}`, () => assert.deepEqual(mapActiveState(answer), { ok: true, value: expected }));
  }
  for (const answer of ["deactivating", "reloading", "maintenance", "refreshing", "", "unknown"]) {
    test(`${JSON.stringify(answer)} is an error`, () => {
      const mapped = mapActiveState(answer);
      assert.equal(mapped.ok, false);
      assert.match(!mapped.ok ? mapped.message : "", /try again/);
    });
  }
});

describe("is-enabled mapping", () => {
  for (const answer of ["enabled", "enabled-runtime", "alias", "indirect", "generated", "transient"]) {
    test(`${answer} → enabled`, () => assert.deepEqual(mapEnabledState(answer), { ok: true, value: "enabled" }));
  }
  for (const answer of ["linked", "linked-runtime", "disabled"]) {
    test(`${answer} → disabled`, () => assert.deepEqual(mapEnabledState(answer), { ok: true, value: "disabled" }));
  }
  test("static → static: nothing to enable or disable", () => assert.deepEqual(mapEnabledState("static"), { ok: true, value: "static" }));
  for (const answer of ["masked", "masked-runtime"]) {
    test(`${answer} → masked, not disabled`, () => assert.deepEqual(mapEnabledState(answer), { ok: true, value: "masked" }));
  }
  test("not-found → unit not found", () => assert.deepEqual(mapEnabledState("not-found"), { ok: false, message: "unit not found" }));
  test("anything else is an error", () => assert.equal(mapEnabledState("bad").ok, false));
});
