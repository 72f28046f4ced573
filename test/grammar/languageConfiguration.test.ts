// The editor behaviour language-configuration.json drives: which text counts as one word, and comment toggling.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadGrammar, repoRoot, scopesPerChar } from "./tokenizer";

const config = JSON.parse(readFileSync(join(repoRoot, "language-configuration.json"), "utf8"));

/** The word under the cursor, found the way VS Code does: the match of the word pattern that contains it. */
function wordAt(lineWithCursor: string): string | undefined {
  const cursor = lineWithCursor.indexOf("|");
  const line = lineWithCursor.replace("|", "");
  for (const match of line.matchAll(new RegExp(config.wordPattern, "g"))) {
    if (match.index <= cursor && cursor <= match.index + match[0].length) return match[0];
  }
  return undefined;
}

const words: [lineWithCursor: string, word: string][] = [
  ["ExecSt|artPre=/usr/bin/true", "ExecStartPre"],
  ["X-F|oo=bar", "X-Foo"],
  ["Description=Runs for %|i", "%i"],
  ["ExecStart=/usr/bin/echo %|n", "%n"],
  ["Wants=worker@%|i.service", "%i"],
  ["After=network-on|line.target", "network-online.target"],
  ["Wants=getty@tt|y1.service", "getty@tty1.service"],
  ["ExecStart=/usr/bin/sl|eep 5", "sleep"],
  ["TimeoutSec=5m|in", "5min"],
  ["Description=Runs the jo|b.", "job"],
];

for (const [line, word] of words) {
  test(`double-clicking in ${JSON.stringify(line)} selects ${JSON.stringify(word)}`, () => {
    assert.equal(wordAt(line), word);
  });
}

test("a line commented out with the configured prefix is coloured as a comment", async () => {
  const line = `${config.comments.lineComment} ExecStart=/usr/bin/true`;
  const [scopes] = scopesPerChar(await loadGrammar(), [line]);
  assert.ok(scopes, "the line was not tokenized");
  assert.ok(
    scopes.every((s) => s.some((scope) => scope.startsWith("comment.line."))),
    scopes.join(" | "),
  );
});
