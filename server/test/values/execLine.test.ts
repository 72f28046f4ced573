import assert from "node:assert/strict";
import { test } from "node:test";
import { checkExecLine, parseExecLine } from "../../src/language/values/execLine";
import { acceptsAll, rejectsAll } from "./table";

acceptsAll("execLine", checkExecLine, [
  "/usr/bin/myapp --flag",
  "myapp arg",
  "-/usr/bin/maybe",
  "@/bin/sh sh -c 'echo hi'",
  ":/bin/echo $FOO",
  "+/bin/true",
  "!/bin/true",
  "!!/bin/true",
  "-@:+/bin/true x",
  "/bin/a ; /bin/b",
  "/bin/find . -exec rm {} \\;",
  '/bin/echo "a;b" ;',
  "/bin/echo %n",
]);
rejectsAll("execLine", checkExecLine, [
  ["bin/myapp", 0, 9, "absolute path"],
  ["+!/bin/true", 0, 11, "cannot be combined"],
  ["--/bin/true", 0, 11, "repeated", "warning"],
  ["-", 0, 1, "followed by the program", "warning"],
  ["@/bin/sh", 0, 8, "argv[0]"],
  ["/usr/bin/", 0, 9, "directory"],
  ['/bin/echo "open', 10, 15, "closing"],
  ["/bin/echo %Z", 10, 12, 'unknown "%Z"'],
  ["/bin/a\\x01b", 0, 11, "must not contain"],
  [";", 0, 1, "no command", "warning"],
]);
rejectsAll("execLine (single command)", (v) => checkExecLine(v, { allowMultiple: false }), [
  ["/bin/a ; /bin/b x", 9, 17, "single command"],
]);

test("execLine: argv with offsets, prefixes and several commands", () => {
  const line = `-/usr/bin/foo "a b" \\; x ; @/bin/sh sh -c "echo hi"`;
  const { commands, problems } = parseExecLine(line);
  assert.deepEqual(problems, []);
  assert.equal(commands.length, 2);
  const [first, second] = commands;
  assert.equal(first!.flags.ignoreFailure, true);
  assert.deepEqual([first!.executable.text, first!.executable.start], ["/usr/bin/foo", 1]);
  assert.deepEqual(
    first!.argv.map((w) => [w.text, w.start, w.end]),
    [
      ["/usr/bin/foo", 1, 13],
      ["a b", 14, 19],
      [";", 20, 22],
      ["x", 23, 24],
    ],
  );
  assert.equal(second!.flags.separateArgv0, true);
  assert.deepEqual(
    second!.argv.map((w) => w.text),
    ["sh", "-c", "echo hi"],
  );
  assert.equal(line.slice(second!.argv[2]!.start, second!.argv[2]!.end), '"echo hi"');
});

test("execLine: !! selects the ambient-capability fallback, not plain !", () => {
  const [cmd] = parseExecLine("!!/bin/true").commands;
  assert.deepEqual([cmd!.flags.ambientMagic, cmd!.flags.noSetuid, cmd!.prefix], [true, false, "!!"]);
});
