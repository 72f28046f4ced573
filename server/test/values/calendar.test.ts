import assert from "node:assert/strict";
import { test } from "node:test";
import { checkCalendar, isKnownTimezone, normalizeCalendar, parseCalendar } from "../../src/language/values/calendar";
import { rejectsAll } from "./table";

test("calendar: normalises like systemd-analyze calendar", () => {
  const cases: [string, string][] = [
    ["daily", "*-*-* 00:00:00"],
    ["minutely", "*-*-* *:*:00"],
    ["weekly", "Mon *-*-* 00:00:00"],
    ["quarterly", "*-01,04,07,10-01 00:00:00"],
    ["semiannually", "*-01,07-01 00:00:00"],
    ["Mon..Fri 9:00", "Mon..Fri *-*-* 09:00:00"],
    ["Sat,Sun 2024-*-1..10/2 8:00 Europe/Berlin", "Sat,Sun 2024-*-01..09/2 08:00:00 Europe/Berlin"],
    ["*:00/15", "*-*-* *:00/15:00"],
    ["12:30:1.5", "*-*-* 12:30:01.500000"],
    ["*-*~1", "*-*~01 00:00:00"],
    ["2003-03-05 05:40 UTC", "2003-03-05 05:40:00 UTC"],
    ["22-1-1", "2022-01-01 00:00:00"],
    ["Wed-Fri,Mon 12:00", "Mon,Wed..Fri *-*-* 12:00:00"],
    ["Mon..Sun 1:2:3", "*-*-* 01:02:03"],
    ["@1700000000", "2023-11-14 22:13:20 UTC"],
    ["*:*:0/0.5", "*-*-* *:*:00/0.500000"],
  ];
  for (const [input, normalized] of cases) assert.equal(normalizeCalendar(input), normalized, input);
});

rejectsAll("calendar", checkCalendar, [
  ["Mon,Sun 2020~01", 8, 12, "months go from 1 to 12"],
  ["*:*/5", 3, 4, 'expected ":"'],
  ["Mond 12:00", 0, 4, "not a weekday"],
  ["Fri..Mon", 5, 8, "run forwards"],
  ["Mon.. 12:00", 5, 6, "no end"],
  ["25:00", 0, 2, "hours go from 0 to 23"],
  ["2024-02-32", 8, 10, "days go from 1 to 31"],
  ["12:00 europe/berlin", 6, 19, "not a known time zone"],
  ["", 0, 0, "empty"],
  ["daily 12:00", 0, 1, "expected a number"],
  ["1:2:3:4", 5, 7, "unexpected"],
  ["*-*-* 1..3:00:00/0", 17, 18, "zero"],
]);

test("calendar: parse gives the structure for hovers", () => {
  const r = parseCalendar("Mon,Wed *-*-1..5 04:00 UTC");
  assert.ok(r.ok);
  assert.equal(r.spec.weekdays, 0b101);
  assert.deepEqual(r.spec.day, [{ start: 1, stop: 5, repeat: 1 }]);
  assert.equal(r.spec.utc, true);
});

test("calendar: time zones are checked by name and case", () => {
  assert.ok(isKnownTimezone("America/New_York"));
  assert.ok(isKnownTimezone("EST5EDT"));
  assert.ok(!isKnownTimezone("america/new_york"));
  assert.ok(!isKnownTimezone("PST"));
  assert.equal(normalizeCalendar("12:00 Mars/Olympus", { isTimezone: (z) => z === "Mars/Olympus" }), "*-*-* 12:00:00 Mars/Olympus");
  assert.equal(normalizeCalendar("12:00 CEST", { localZoneAbbreviations: ["CET", "CEST"] }), "*-*-* 12:00:00 CEST");
});

test("calendar: systemd 252 narrows each further ~ day by three", () => {
  assert.equal(normalizeCalendar("*-*~03,25"), "*-*~03,25 00:00:00");
  assert.equal(normalizeCalendar("*-*~03,26"), undefined);
});
