import assert from "node:assert/strict";
import { test } from "node:test";
import {
  TIME_UNITS,
  USEC_INFINITY,
  checkTimeSpan,
  describeTimeSpan,
  formatTimeSpan,
  parseTimeSpan,
} from "../../src/language/values/timeSpan";
import { acceptsAll, rejectsAll } from "./table";

acceptsAll("timeSpan", checkTimeSpan, [
  "5min 20s",
  "1h30m",
  "2.5s",
  "100ms",
  "90",
  "1y 2M",
  "3 weeks",
  "1µs",
  "1μs",
  " 5s ",
  ".5s",
  "1d2h3m4s5ms6us",
  "infinity",
  "5 5",
]);
rejectsAll("timeSpan", checkTimeSpan, [
  ["5minuts", 1, 7, '"minuts" is not a time unit'],
  ["5 mins", 2, 6, '"mins" is not a time unit'],
  ["10S", 2, 3, '"S" is not a time unit'],
  ["-5s", 0, 3, "negative"],
  ["", 0, 0, "empty"],
  ["5.s", 0, 3, "decimal point"],
  ["1.2.3", 3, 4, "not a number"],
  ["infinity 5s", 0, 11, "stand alone"],
  ["600000y", 0, 7, "too large"],
]);

test("timeSpan: values are exact microseconds", () => {
  const cases: [string, bigint][] = [
    ["1h30m", 5_400_000_000n],
    ["2.5s", 2_500_000n],
    ["1M", 2_629_800_000_000n],
    ["1y", 31_557_600_000_000n],
    ["1.5", 1_500_000n],
    ["5 5", 10_000_000n],
  ];
  for (const [input, usec] of cases) assert.deepEqual(parseTimeSpan(input), { ok: true, usec, infinity: false }, input);
  assert.deepEqual(parseTimeSpan("infinity"), { ok: true, usec: USEC_INFINITY, infinity: true });
});

test("timeSpan: options change the bare-number unit and forbid infinity", () => {
  assert.deepEqual(parseTimeSpan("250", { defaultUnit: TIME_UNITS.msec }), { ok: true, usec: 250_000n, infinity: false });
  assert.match(checkTimeSpan("infinity", { allowInfinity: false })[0]!.message, /not allowed/);
});

test("timeSpan: formats the way systemd prints spans, and describes them in words", () => {
  assert.equal(formatTimeSpan(90_000_000n), "1min 30s");
  assert.equal(formatTimeSpan(1_500_000n), "1.500000s");
  assert.equal(formatTimeSpan(0n), "0");
  assert.equal(formatTimeSpan(USEC_INFINITY), "infinity");
  assert.equal(describeTimeSpan(90_000_000n), "1 minute 30 seconds");
  assert.equal(describeTimeSpan(3_600_000_001n), "1 hour 1 microsecond");
});
