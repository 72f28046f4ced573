import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCommand } from "../../src/language/generate/command";

describe("parseCommand", () => {
  const argv: [string, string[]][] = [
    ["/usr/bin/sleep 60", ["/usr/bin/sleep", "60"]],
    ["  sleep   60  ", ["sleep", "60"]],
    ["echo 'two words' \"and three here\"", ["echo", "two words", "and three here"]],
    ["echo it\\'s a\\ b", ["echo", "it's", "a b"]],
    ["printf '%s|%s' a b", ["printf", "%s|%s", "a", "b"]],
    ['echo "quote \\" and \\\\ inside"', ["echo", 'quote " and \\ inside']],
    ["echo 'a'\"b\"c", ["echo", "abc"]],
    ["echo ''", ["echo", ""]],
    ["tool --level=3 a=b", ["tool", "--level=3", "a=b"]],
    ["echo 'a | b && c > d'", ["echo", "a | b && c > d"]],
    ["echo 100% %i", ["echo", "100%", "%i"]],
  ];
  for (const [text, words] of argv) {
    it(`runs ${JSON.stringify(text)} directly`, () => assert.deepEqual(parseCommand(text), { kind: "argv", argv: words }));
  }

  const shell = [
    "tar c /srv | gzip > /backup.tgz",
    "make && make install",
    "sleep 1; echo done",
    "echo $HOME",
    'echo "home is $HOME"',
    "echo `date`",
    "ls *.log",
    "cat < input",
    "(cd /tmp; ls)",
    "FOO=bar env",
    "cd /srv",
    "exec sleep 60",
    "if true; then echo y; fi",
    "echo a # comment",
    "ls ~/logs",
    "echo one\necho two",
    "sleep 60 &",
  ];
  for (const text of shell) {
    it(`runs ${JSON.stringify(text)} through a shell`, () => assert.deepEqual(parseCommand(text), { kind: "shell", script: text.trim() }));
  }

  it("refuses an empty command, an unclosed quote and a NUL", () => {
    assert.deepEqual(parseCommand("   "), { kind: "error", message: "the command is empty" });
    assert.equal(parseCommand("echo 'oops").kind, "error");
    assert.equal(parseCommand('echo "oops').kind, "error");
    assert.equal(parseCommand("echo a\0b").kind, "error");
  });
});
