import assert from "node:assert/strict";
import { test } from "node:test";
import { checkSignal, parseSignal } from "../../src/language/values/signal";
import { acceptsAll, rejectsAll } from "./table";

acceptsAll("signal", checkSignal, ["SIGTERM", "TERM", "9", "SIGKILL", "SIGRTMIN", "SIGRTMIN+3", "RTMAX-1", "SIGRTMAX", "64"]);
rejectsAll("signal", checkSignal, [
  ["sigterm", 0, 7, "not a signal name"],
  ["term", 0, 4, "SIGTERM"],
  ["65", 0, 2, "from 1 to 64"],
  ["0", 0, 1, "from 1 to 64"],
  ["SIGRTMIN+31", 0, 11, "SIGRTMIN+30"],
  ["SIGRTMIN3", 0, 9, "RTMIN+n"],
]);

test("signal: numbers and names map both ways", () => {
  assert.deepEqual(parseSignal("TERM"), { ok: true, number: 15, name: "SIGTERM" });
  assert.deepEqual(parseSignal("9"), { ok: true, number: 9, name: "SIGKILL" });
  assert.deepEqual(parseSignal("RTMAX-1"), { ok: true, number: 63, name: "SIGRTMIN+29" });
});
