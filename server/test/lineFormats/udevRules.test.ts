// udev rules as systemd-udevd 252 parses them (its udev-rules.c): no program here can check a rules
// file without installing it, so each case states what udevd does with the line.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { documentOf, testService } from "../service";

/** [what, rule line, the rule id Unitsmith reports (or none) on it] */
const CASES: [string, string, string | undefined][] = [
  ["a match and an assignment", 'SUBSYSTEM=="usb", MODE="0660"', undefined],
  ["matches only: udevd says the line takes no effect", 'SUBSYSTEM=="usb", ACTION=="add"', "ignored-field"],
  ["PROGRAM alone acts", 'PROGRAM="/bin/true"', undefined],
  ["IMPORT with = reads as a match and acts", 'IMPORT{builtin}="path_id"', undefined],
  ["an unknown key", 'KERNEL=="sd*", FOO="1"', "invalid-field"],
  ["a match key assigned", 'ACTION="add", MODE="0660"', "invalid-field"],
  ["an assignment key matched", 'MODE=="0660"', "invalid-field"],
  ["-= on NAME", 'NAME-="eth0"', "invalid-field"],
  ["+= on MODE, read as =", 'MODE+="0660"', "ignored-field"],
  ["ATTR without its attribute", 'ATTR=="1", MODE="0660"', "invalid-field"],
  ["KERNEL with an attribute", 'KERNEL{x}=="sd*", MODE="0660"', "invalid-field"],
  ["CONST with an attribute it does not know", 'CONST{os}=="linux", MODE="0660"', "invalid-field"],
  ["RUN{builtin}", 'RUN{builtin}+="kmod load"', undefined],
  ["IMPORT of an unknown type", 'IMPORT{web}="x"', "invalid-field"],
  ["ENV{DEVNAME} cannot be set", 'ENV{DEVNAME}="x"', "invalid-field"],
  ['NAME="%k" takes no effect', 'SUBSYSTEM=="net", NAME="%k"', "invalid-field"],
  ["an unquoted value", 'KERNEL==sd*, MODE="0660"', "malformed-entry"],
  ["an unterminated quote", 'KERNEL=="sd*, MODE="0660', "malformed-entry"],
  ["a missing operator", 'KERNEL "sd*", MODE="0660"', "malformed-entry"],
  ["substitutions", 'SYMLINK+="disk/$kernel-%n-$env{ID}-%%-$$"', undefined],
  ["an unknown substitution", 'SYMLINK+="disk/$kernal"', "invalid-field"],
  ["an OPTIONS value udevd ignores", 'OPTIONS+="nowatch-please"', "ignored-field"],
  ["OPTIONS it knows", 'OPTIONS+="link_priority=10"', undefined],
  ["an e-string", 'SYMLINK+=e"disk/a\\x20b"', undefined],
];

describe("udev rules as systemd-udevd reads them", () => {
  const service = testService();
  for (const [what, line, rule] of CASES) {
    it(what, async () => {
      const codes = (await service.diagnostics(documentOf("/etc/udev/rules.d/70-case.rules", `${line}\n`))).map((d) => d.code);
      assert.deepEqual(codes, rule ? [rule] : []);
    });
  }

  it("a GOTO needs its LABEL further down the same file", async () => {
    const text = 'GOTO="end"\nKERNEL=="sd*", MODE="0660"\nLABEL="end"\nGOTO="start"\n';
    const diagnostics = await service.diagnostics(documentOf("/etc/udev/rules.d/70-case.rules", text));
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line]),
      [["invalid-field", 3]],
    );
  });

  it("a backslash at the end of a line continues the rule", async () => {
    const text = 'KERNEL=="sd*", \\\n  MODE="0660"\n';
    assert.deepEqual(await service.diagnostics(documentOf("/etc/udev/rules.d/70-case.rules", text)), []);
  });
});
