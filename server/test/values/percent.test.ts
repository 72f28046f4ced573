import assert from "node:assert/strict";
import { test } from "node:test";
import { checkPercent, parsePercent } from "../../src/language/values/percent";
import { acceptsAll, rejectsAll } from "./table";

acceptsAll("percent", checkPercent, ["0%", "50%", "100%"]);
acceptsAll("permille", (v) => checkPercent(v, { kind: "permille" }), ["12.5%", "125‰", "100%"]);
acceptsAll("permyriad", (v) => checkPercent(v, { kind: "permyriad" }), ["12.25%", "12.5‰", "1225‱"]);
rejectsAll("percent", checkPercent, [
  ["150%", 0, 4, "more than 100%"],
  ["50", 0, 2, 'does not end in "%"'],
  ["12.5%", 0, 5, "no decimals"],
  ["-5%", 0, 3, "negative"],
  ["x%", 0, 2, "not a number"],
]);
rejectsAll("permille", (v) => checkPercent(v, { kind: "permille" }), [["12.25%", 0, 6, "at most 1 decimal"]]);

test("percent: fractions and unbounded values", () => {
  assert.deepEqual(parsePercent("12.5%", { kind: "permille" }), { ok: true, fraction: 0.125, units: 125 });
  assert.deepEqual(parsePercent("200%", { unbounded: true }), { ok: true, fraction: 2, units: 200 });
});
