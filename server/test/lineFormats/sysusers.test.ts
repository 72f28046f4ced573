// sysusers.d lines checked by Unitsmith and by systemd-sysusers --dry-run: every line one flags, the other flags.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { flaggedLines, installedSystemdVersion, runOracle } from "./oracle";

const PATH = "/usr/lib/sysusers.d/case.conf";

const CASES: [string, string][] = [
  ["a user with a description and home", 'u casesvc - "Case service" /var/lib/casesvc'],
  ["a user with a fixed uid", "u casesvc 4711"],
  ["a user with a uid and the gid of a group the file makes", "g casegrp 4712\nu casesvc 4711:4712"],
  ["a user with a uid and a group name", "u casesvc 4711:casegrp"],
  ["a user with its uid from a file", "u casesvc /var/lib/casesvc"],
  ["a user with a shell", "u casesvc - - / /usr/sbin/nologin"],
  ["a user with a relative shell", "u casesvc - - / nologin"],
  ["a home with ..", "u casesvc - - /var/../home"],
  ["a GECOS with a colon", 'u casesvc - "a:b"'],
  ["a description with spaces, unquoted", "u casesvc - Case service"],
  ["a name that starts with a digit", "u 1case"],
  ["a name with a dot", "u case.svc"],
  ["a name too long", "u abcdefghijklmnopqrstuvwxyz0123456789"],
  ["a group", "g casegrp"],
  ["a group with a gid", "g casegrp 4713"],
  ["a group with a bad gid", "g casegrp x13"],
  ["a group with a home", "g casegrp - - /home"],
  ["a membership", "m casesvc casegrp"],
  ["a membership without the group", "m casesvc"],
  ["a range", "r - 500-999"],
  ["a range backwards", "r - 999-500"],
  ["a range with a name", "r case 500-999"],
  ["an unknown type", "x casesvc"],
  ["a locked user", "u! casesvc"],
  ["a type alone", "u"],
  ["an unterminated quote", 'u casesvc - "open'],
  ["a user defined twice the same way", "u casesvc 4711\nu casesvc 4711"],
  ["a user defined twice differently", "u casesvc 4711\nu casesvc 4712"],
  ["comments and blank lines", "# a comment\n\ng casegrp"],
];

describe("sysusers.d against systemd-sysusers", () => {
  const version = installedSystemdVersion();
  for (const [name, text] of CASES) {
    it(name, async () => {
      const oracle = runOracle("systemd-sysusers", `${text}\n`);
      assert.deepEqual(await flaggedLines(PATH, `${text}\n`, version), oracle.lines, `systemd-sysusers said:\n${oracle.output}`);
    });
  }
});
