import assert from "node:assert/strict";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { SerialLock } from "../../src/systemd/serialLock";

test("the lock runs tasks one at a time, in order, and a failure does not block the next", async () => {
  const lock = new SerialLock();
  const events: string[] = [];
  const task =
    (name: string, ms: number, fail = false) =>
    async () => {
      events.push(`${name} start`);
      await sleep(ms);
      events.push(`${name} end`);
      if (fail) throw new Error(name);
      return name;
    };
  const results = await Promise.allSettled([lock.run(task("a", 40)), lock.run(task("b", 5, true)), lock.run(task("c", 1))]);
  assert.deepEqual(events, ["a start", "a end", "b start", "b end", "c start", "c end"]);
  assert.deepEqual(
    results.map((result) => result.status),
    ["fulfilled", "rejected", "fulfilled"],
  );
});
