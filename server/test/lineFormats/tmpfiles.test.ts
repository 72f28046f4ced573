// tmpfiles.d lines checked by Unitsmith and by systemd-tmpfiles itself: every line one flags, the other flags.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { flaggedLines, installedSystemdVersion, runOracle } from "./oracle";

const PATH = "/etc/tmpfiles.d/case.conf";

/** Each case is a whole file; the comment says what it tries. */
const CASES: [string, string][] = [
  ["a plain directory", "d /run/case 0755 root root -"],
  ["a directory with an age", "d /var/cache/case 0750 root root 10d"],
  ["age with a kept first level and age-by letters", "d /var/tmp/case - - - ~aAm:5d"],
  ["an age that is not a time span", "d /var/tmp/case - - - soon"],
  ["age-by letters that are not a, b, c, m", "d /var/tmp/case - - - x:5d"],
  ["an age-by with no age after it", "d /var/tmp/case - - - abcm:"],
  ["a mode that is not octal", "z /case 999"],
  ["a mode too large", "z /case 17777"],
  ["a masked mode", "d /case ~0755"],
  ["a mode only at creation", "d /case :0700"],
  ["an unknown type", "y /case"],
  ["an unknown modifier", "d? /case"],
  ["a modifier twice", "f++ /case"],
  ["every modifier at once", "f+!-= /case"],
  ["base64 content", "f~ /case - - - - aGVsbG8="],
  ["content from a credential", "f^ /case - - - - case.credential"],
  ["a relative path", "d run/case"],
  ["a path from a specifier", "d %t/case"],
  ["a type alone", "d"],
  ["an unterminated quote", 'f /case - - - - "open'],
  ["a quoted path with a space", 'd "/run/a case"'],
  ["a write with no argument", "w /case"],
  ["a write with an argument", "w /case - - - - hello"],
  ["a directory with an argument it ignores", "d /case - - - - argument"],
  ["the old F type", "F /case"],
  ["the old m type", "m /case 0644"],
  ["a character device", "c /dev/case 0600 - - - 1:3"],
  ["a device with no numbers", "c /dev/case"],
  ["a device with bad numbers", "b /dev/case - - - - sda"],
  ["a copy from a relative source", "C /case - - - - relative"],
  ["a copy from an absolute source", "C /case - - - - /usr/share/factory/case"],
  ["file attributes", "h /case - - - - +i"],
  ["an unknown file attribute", "h /case - - - - +q"],
  ["an extended attribute", "t /case - - - - user.case=1"],
  ["a symlink", "L+ /case - - - - /dev/null"],
  ["numeric owners", "d /case 0700 0 0"],
  ["root and its group", "d /case 0700 root root"],
  ["owners only at creation", "d- /case :0700 :root :root -"],
  ["a uid that cannot be one", "d /case 0700 4294967295"],
  ["the same path twice, the same way", "d /run/case 0755\nd /run/case 0755"],
  ["the same path twice, differently", "d /run/case 0755\nd /run/case 0700"],
  ["the same path twice, the second forced", "L /case - - - - /a\nL+ /case - - - - /b"],
  ["a path set up and then adjusted", "d /run/case 0755\nz /run/case 0700"],
  ["comments and blank lines", "# a comment\n\n   # indented\nd /case"],
];

describe("tmpfiles.d against systemd-tmpfiles", () => {
  const version = installedSystemdVersion();
  for (const [name, text] of CASES) {
    it(name, async () => {
      const oracle = runOracle("systemd-tmpfiles", `${text}\n`);
      assert.deepEqual(await flaggedLines(PATH, `${text}\n`, version), oracle.lines, `systemd-tmpfiles said:\n${oracle.output}`);
    });
  }
});
