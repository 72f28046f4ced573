// Scopes the TextMate grammar gives to systemd unit text, checked character by character.
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadGrammar, scopesPerChar } from "./tokenizer";

const SECTION = "entity.name.section.systemd";
const SECTION_OPEN = "punctuation.definition.section.begin.systemd";
const KEY = "support.type.property-name.systemd";
const ASSIGN = "keyword.operator.assignment.systemd";
const VALUE = "string.unquoted.value.systemd";
const BOOLEAN = "constant.language.boolean.systemd";
const SPECIFIER = "constant.other.placeholder.specifier.systemd";
const PERCENT_ESCAPE = "constant.character.escape.specifier.systemd";
const EXEC_PREFIX = "storage.modifier.exec-prefix.systemd";
const HASH_COMMENT = "comment.line.number-sign.systemd";
const SEMICOLON_COMMENT = "comment.line.semicolon.systemd";
const COMMENT_MARK = "punctuation.definition.comment.systemd";
const CONTINUATION = "punctuation.separator.continuation.systemd";
const DOUBLE = "string.quoted.double.systemd";
const SINGLE = "string.quoted.single.systemd";
const NUMBER = "constant.numeric.systemd";
const ILLEGAL = "invalid.illegal";

/**
 * [line, text, scope]: every character of the first occurrence of text on that line carries the scope
 * (or a scope beneath it, such as invalid.illegal.malformed-line.systemd for invalid.illegal).
 * A scope written as "!x" means no character carries x or anything beneath it.
 */
type Expectation = [line: number, text: string, scope: string];

const cases: { name: string; text: string; expect: Expectation[] }[] = [
  {
    name: "section header",
    text: "[Service]",
    expect: [
      [0, "[", SECTION_OPEN],
      [0, "Service", SECTION],
      [0, "]", "punctuation.definition.section.end.systemd"],
    ],
  },
  { name: "X- section header", text: "[X-Backup]", expect: [[0, "X-Backup", SECTION]] },
  {
    name: "text after a section header is an error",
    text: "[Unit] extra",
    expect: [
      [0, "Unit", SECTION],
      [0, "extra", ILLEGAL],
    ],
  },
  {
    name: "key, equals sign and value",
    text: "Description=Web server",
    expect: [
      [0, "Description", KEY],
      [0, "=", ASSIGN],
      [0, "Web server", VALUE],
      [0, "Description", `!${VALUE}`],
    ],
  },
  {
    name: "whitespace around the equals sign and before the key",
    text: "  Restart = always",
    expect: [
      [0, "Restart", KEY],
      [0, "=", ASSIGN],
      [0, "always", VALUE],
    ],
  },
  {
    name: "X- key",
    text: "X-Foo=bar",
    expect: [
      [0, "X-Foo", KEY],
      [0, "=", ASSIGN],
      [0, "bar", VALUE],
    ],
  },
  { name: "boolean yes", text: "RemainAfterExit=yes", expect: [[0, "yes", BOOLEAN]] },
  { name: "boolean in upper case", text: "PrivateTmp=TRUE", expect: [[0, "TRUE", BOOLEAN]] },
  { name: "boolean 0 with trailing space", text: "Persistent=0 ", expect: [[0, "0", BOOLEAN]] },
  {
    name: "boolean word inside a longer value is plain text",
    text: "Description=yes or no",
    expect: [[0, "yes or no", `!${BOOLEAN}`]],
  },
  {
    name: "specifiers and the %% escape",
    text: "ExecStart=/usr/bin/echo %n %i 100%%",
    expect: [
      [0, "%n", SPECIFIER],
      [0, "%i", SPECIFIER],
      [0, "%%", PERCENT_ESCAPE],
      [0, "%%", `!${SPECIFIER}`],
    ],
  },
  { name: "specifier inside a quoted string", text: 'Description="%N worker"', expect: [[0, "%N", SPECIFIER]] },
  {
    name: "exec prefix -",
    text: "ExecStart=-/usr/bin/true",
    expect: [
      [0, "-", EXEC_PREFIX],
      [0, "/usr/bin/true", `!${EXEC_PREFIX}`],
    ],
  },
  { name: "exec prefix @", text: "ExecStartPre=@/usr/bin/sleep sleeper 1", expect: [[0, "@", EXEC_PREFIX]] },
  { name: "exec prefix +", text: "ExecStartPost=+/usr/bin/true", expect: [[0, "+", EXEC_PREFIX]] },
  { name: "exec prefix !!", text: "ExecStopPost=!!/usr/bin/true", expect: [[0, "!!", EXEC_PREFIX]] },
  { name: "combined exec prefixes", text: "ExecReload=:-/usr/bin/true", expect: [[0, ":-", EXEC_PREFIX]] },
  {
    name: "a dash later in a command line is no prefix",
    text: "ExecStart=/usr/bin/foo -v",
    expect: [[0, "-v", `!${EXEC_PREFIX}`]],
  },
  {
    name: "the - of EnvironmentFile= is no exec prefix",
    text: "EnvironmentFile=-/etc/default/foo",
    expect: [
      [0, "-", `!${EXEC_PREFIX}`],
      [0, "-", VALUE],
    ],
  },
  {
    name: "# comment",
    text: "# Installed by the package",
    expect: [
      [0, "#", COMMENT_MARK],
      [0, "# Installed by the package", HASH_COMMENT],
    ],
  },
  {
    name: "; comment",
    text: "; old setting",
    expect: [
      [0, ";", COMMENT_MARK],
      [0, "; old setting", SEMICOLON_COMMENT],
    ],
  },
  { name: "indented comment", text: "   # indented", expect: [[0, "# indented", HASH_COMMENT]] },
  {
    name: "# in the middle of a value is part of the value",
    text: "ExecStart=/usr/bin/echo #1",
    expect: [
      [0, "#1", "!comment"],
      [0, "#1", VALUE],
    ],
  },
  {
    name: "; in the middle of a value is part of the value",
    text: "ExecStartPre=/usr/bin/true ; /usr/bin/true",
    expect: [
      [0, "; /usr/bin/true", "!comment"],
      [0, "; /usr/bin/true", VALUE],
    ],
  },
  {
    name: "continuation over three lines with a comment line inside",
    text: ["ExecStart=/usr/bin/foo \\", "    --one \\", "# skipped by systemd", "    --two", "Restart=no"].join("\n"),
    expect: [
      [0, "\\", CONTINUATION],
      [1, "--one", VALUE],
      [1, "--one", `!${KEY}`],
      [1, "\\", CONTINUATION],
      [2, "# skipped by systemd", HASH_COMMENT],
      [3, "--two", VALUE],
      [4, "Restart", KEY],
      [4, "Restart", `!${VALUE}`],
    ],
  },
  {
    name: "a continued line may look like a section or a key and still be value",
    text: ["Description=first \\", "[Unit]", "Key=value"].join("\n"),
    expect: [
      [1, "[Unit]", VALUE],
      [1, "Unit", `!${SECTION}`],
      [2, "Key", KEY],
    ],
  },
  {
    name: "an escaped backslash at the end does not continue the line",
    text: ["Environment=PATH=C:\\\\", "Restart=no"].join("\n"),
    expect: [
      [0, "\\\\", `!${CONTINUATION}`],
      [1, "Restart", KEY],
    ],
  },
  {
    name: "an empty line ends a continuation",
    text: ["Description=first \\", "", "Restart=no"].join("\n"),
    expect: [[2, "Restart", KEY]],
  },
  {
    name: "double-quoted string",
    text: 'Environment="GREETING=hello world" PLAIN=1',
    expect: [
      [0, '"GREETING=hello world"', DOUBLE],
      [0, '"', "punctuation.definition.string.begin.systemd"],
      [0, "PLAIN=1", `!${DOUBLE}`],
    ],
  },
  {
    name: "single-quoted string",
    text: "ExecStart=/bin/sh -c 'echo hi'",
    expect: [
      [0, "'echo hi'", SINGLE],
      [0, "-c", `!${SINGLE}`],
    ],
  },
  {
    name: "an apostrophe inside a word opens no string",
    text: "Description=Bob's server",
    expect: [[0, "'s server", "!string.quoted"]],
  },
  {
    name: "a quoted string continues over a continuation",
    text: ['ExecStart=/bin/sh -c "echo one; \\', '  echo two"', "Restart=no"].join("\n"),
    expect: [
      [1, "echo two", DOUBLE],
      [2, "Restart", KEY],
    ],
  },
  { name: "time span with a unit", text: "TimeoutStartSec=5min", expect: [[0, "5min", NUMBER]] },
  { name: "size with a unit", text: "MemoryMax=500M", expect: [[0, "500M", NUMBER]] },
  {
    name: "several time spans",
    text: "RuntimeMaxSec=1h 30min",
    expect: [
      [0, "1h", NUMBER],
      [0, "30min", NUMBER],
      [0, " ", `!${NUMBER}`],
    ],
  },
  {
    name: "digits inside names and addresses are no numbers",
    text: "ExecStart=/opt/x86_64/tool 127.0.0.1:8080",
    expect: [
      [0, "x86_64", `!${NUMBER}`],
      [0, "127.0.0.1:8080", `!${NUMBER}`],
    ],
  },
  {
    name: "malformed line",
    text: "this line has no equals sign",
    expect: [[0, "this line has no equals sign", ILLEGAL]],
  },
  { name: "unclosed section header", text: "[Unit", expect: [[0, "[Unit", ILLEGAL]] },
  { name: "assignment without a key", text: "=value", expect: [[0, "=value", ILLEGAL]] },
];

function covers(scopes: string[], wanted: string): boolean {
  return scopes.some((s) => s === wanted || s.startsWith(wanted + "."));
}

for (const { name, text, expect } of cases) {
  test(`grammar: ${name}`, async () => {
    const lines = text.split("\n");
    const perLine = scopesPerChar(await loadGrammar(), lines);
    for (const [line, fragment, scope] of expect) {
      const lineText = lines[line] ?? "";
      const start = lineText.indexOf(fragment);
      assert.ok(start >= 0, `fixture line ${line} lacks ${JSON.stringify(fragment)}`);
      const negated = scope.startsWith("!");
      const wanted = negated ? scope.slice(1) : scope;
      const columns = (perLine[line] ?? []).slice(start, start + fragment.length);
      for (const [offset, scopes] of columns.entries()) {
        const i = start + offset;
        assert.equal(
          covers(scopes, wanted),
          !negated,
          `line ${line} ${JSON.stringify(lineText)}, column ${i} (${JSON.stringify(lineText[i])}): ` +
            `expected ${negated ? "no " : ""}${wanted}, got ${scopes.join(" ")}`,
        );
      }
    }
  });
}
