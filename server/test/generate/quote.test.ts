import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { describe, it } from "node:test";
import { escapeSpecifiers, execWord, quoteWord, shellQuote } from "../../src/language/generate/quote";
import { parseEnvironment } from "../../src/language/values/environment";
import { parseExecLine } from "../../src/language/values/execLine";

const TRICKY = [
  "plain",
  "two words",
  'say "hi"',
  "it's",
  "back\\slash",
  "ends with \\",
  "tab\there",
  "line\nbreak",
  ";",
  "-",
  "",
  "$HOME and ${PATH}",
  "100% done",
  "caf\u00e9",
  "bell\x07",
];

/** What the program receives after systemd has unquoted a word and resolved "$$" and "%%". */
const received = (word: string) => word.replace(/\$\$/g, "$").replace(/%%/g, "%");

describe("quoting for systemd", () => {
  it("reads every word back unchanged from an ExecStart= line", () => {
    const line = ["/usr/bin/printf", ...TRICKY].map((w) => execWord(w, false)).join(" ");
    const parsed = parseExecLine(line);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.commands.length, 1);
    assert.deepEqual(
      parsed.commands[0]!.argv.map((w) => received(w.text)),
      ["/usr/bin/printf", ...TRICKY],
    );
  });

  it("keeps words bare when nothing needs quoting", () => {
    assert.equal(execWord("/usr/bin/sleep", false), "/usr/bin/sleep");
    assert.equal(execWord("--level=3", false), "--level=3");
    assert.equal(quoteWord("two words"), '"two words"');
  });

  it("doubles $ in command lines so systemd does not expand variables", () => {
    assert.equal(execWord("$HOME", false), "$$HOME");
    assert.equal(execWord("${A}b", false), "$${A}b");
    assert.equal(execWord("a $b", false), '"a $$b"');
  });

  it("escapes % everywhere except %i and %I in templates", () => {
    assert.equal(escapeSpecifiers("100% of %i and %I, %n", false), "100%% of %%i and %%I, %%n");
    assert.equal(escapeSpecifiers("100% of %i and %I, %n", true), "100%% of %i and %I, %%n");
  });

  it("reads an Environment= assignment back unchanged", () => {
    for (const value of TRICKY.filter((v) => v !== "")) {
      const parsed = parseEnvironment(quoteWord(`KEY=${value}`));
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(
        parsed.assignments.map((a) => [a.name, a.value]),
        [["KEY", value]],
      );
    }
  });

  it("quotes the header's arguments so a shell reads them back", () => {
    const args = ["--command", "tar c / | gzip > 'a b'", "it's", "line\nbreak", "$HOME", "\\"];
    const out = execFileSync("/bin/bash", ["-c", `printf '%s\\0' ${args.map(shellQuote).join(" ")}`], { encoding: "utf8" });
    assert.deepEqual(out.split("\0").slice(0, -1), args);
    for (const arg of args) assert.doesNotMatch(shellQuote(arg), /\n/);
  });
});
