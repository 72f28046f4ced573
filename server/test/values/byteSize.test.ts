import assert from "node:assert/strict";
import { test } from "node:test";
import { checkByteSize, formatByteSize, parseByteSize } from "../../src/language/values/byteSize";
import { acceptsAll, rejectsAll } from "./table";

acceptsAll("byteSize", checkByteSize, ["512M", "1G", "1.5K", "4096", "1G 512M", "10B", "2 T", "10.M"]);
acceptsAll("byteSize with infinity and percent", (v) => checkByteSize(v, { allowInfinity: true, allowPercent: true }), [
  "infinity",
  "50%",
  "12.25%",
]);
rejectsAll("byteSize", checkByteSize, [
  ["5X", 1, 2, '"X" is not a size unit'],
  ["-1K", 0, 1, "negative"],
  ["512M 1G", 5, 7, "larger to smaller"],
  ["infinity", 0, 8, "is not a number"],
  ["", 0, 1, "empty"],
  ["20E", 0, 3, "too large"],
]);
rejectsAll("byteSize percent", (v) => checkByteSize(v, { allowPercent: true }), [["150%", 0, 4, "more than 100%"]]);

test("byteSize: parse gives bytes (base 1024 or 1000) and format shortens them", () => {
  const bytes = (v: string, base?: 1000 | 1024) => {
    const r = parseByteSize(v, { base });
    return r.ok && r.kind === "bytes" ? r.bytes : undefined;
  };
  assert.equal(bytes("1.5K"), 1536n);
  assert.equal(bytes("1G 512M"), 1610612736n);
  assert.equal(bytes("1K", 1000), 1000n);
  assert.deepEqual(parseByteSize("25%", { allowPercent: true }), { ok: true, kind: "percent", fraction: 0.25 });
  assert.equal(formatByteSize(1610612736n), "1.5G");
  assert.equal(formatByteSize(100n), "100B");
});
