import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mayShow } from "../../src/language/typedMatch";

describe("which labels an editor may show for the word typed so far", () => {
  const cases: [typed: string, label: string, shown: boolean][] = [
    ["", "ExecStart", true],
    ["Ex", "ExecStart", true],
    ["ex", "ExecStart", true],
    ["EXECS", "ExecStart", true],
    ["es", "ExecStart", true],
    ["Start", "ExecStart", true],
    ["Mo", "PrivateMounts", true],
    ["mem", "MemoryMax", true],
    ["mmax", "MemoryMax", true],
    ["4", "IPv4", true],
    ["dot", "foo-dotfile", true],
    ["art", "ExecStart", false],
    ["xec", "ExecStart", false],
    ["Stop", "ExecStart", false],
    ["ExecStartX", "ExecStart", false],
    // Two neighbours swapped, past the first character: VS Code still shows it.
    ["Exce", "ExecStart", true],
    ["Rsetart", "Restart", true],
    // ...but not the first two, and not within a word shorter than three.
    ["xE", "ExecStart", false],
    ["eRstart", "Restart", false],
  ];
  for (const [typed, label, shown] of cases) {
    it(`${JSON.stringify(typed)} ${shown ? "shows" : "does not show"} ${label}`, () => assert.equal(mayShow(typed, label), shown));
  }
});
