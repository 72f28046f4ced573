import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { parseCodeArguments, UsageError } from "./codeArguments";

const vscodeDir = join(__dirname, "..");
const extension = join(vscodeDir, "fixtures/minimal-extension");

test("reads the command line runTests builds, with launchArgs in front and the profile behind", () => {
  const launch = parseCodeArguments(
    [
      "fixtures",
      "--disable-extensions",
      "--no-sandbox",
      "--disable-gpu-sandbox",
      "--disable-updates",
      "--skip-welcome",
      "--skip-release-notes",
      "--disable-workspace-trust",
      "--extensionTestsPath=out/suite",
      `--extensionDevelopmentPath=${extension}`,
      "--extensions-dir=/x/.vscode-test/extensions",
      "--user-data-dir",
      "/x/.vscode-test/user-data",
    ],
    vscodeDir,
  );
  assert.deepEqual(launch, {
    extensionDevelopmentPath: extension,
    extensionTestsPath: join(vscodeDir, "out/suite"),
    folder: join(vscodeDir, "fixtures"),
    unknown: [],
  });
});

test("no folder, and options it does not know, are reported rather than refused", () => {
  const launch = parseCodeArguments(
    [`--extensionDevelopmentPath=${extension}`, "--extensionTestsPath", "/t/index.js", "--inspect-brk"],
    "/",
  );
  assert.equal(launch.folder, undefined);
  assert.deepEqual(launch.unknown, ["--inspect-brk"]);
});

const refused: [string, string[], RegExp][] = [
  ["no tests path", [`--extensionDevelopmentPath=${extension}`], /--extensionTestsPath is missing/],
  [
    "two development extensions",
    [`--extensionDevelopmentPath=${extension}`, `--extensionDevelopmentPath=${vscodeDir}`, "--extensionTestsPath=/t"],
    /given 2 times/,
  ],
  [
    "a file to open",
    [join(vscodeDir, "buildSuite.ts"), `--extensionDevelopmentPath=${extension}`, "--extensionTestsPath=/t"],
    /not a folder/,
  ],
  ["two folders", [vscodeDir, extension, `--extensionDevelopmentPath=${extension}`, "--extensionTestsPath=/t"], /one folder, not 2/],
  ["a value option at the end", [`--extensionDevelopmentPath=${extension}`, "--extensionTestsPath"], /needs a value/],
  ["a development path that is no folder", ["--extensionDevelopmentPath=/nonexistent", "--extensionTestsPath=/t"], /is not a folder/],
];
for (const [what, args, message] of refused) {
  test(`refuses ${what}`, () => {
    assert.throws(
      () => parseCodeArguments(args, "/"),
      (error: unknown) => error instanceof UsageError && message.test(error.message),
    );
  });
}
