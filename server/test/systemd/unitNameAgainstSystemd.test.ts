// The unit name guard against systemd 252's own rules, both ways: `systemctl --root=DIR
// list-unit-files` lists the files in DIR/etc/systemd/system whose names systemd accepts, and
// skips the rest. It needs no running systemd.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { checkUnitName } from "../../src/protocol/unitNames";

const root = mkdtempSync(join(tmpdir(), "unitsmith-unit-names-"));
after(() => rmSync(root, { recursive: true, force: true }));
const dir = join(root, "etc/systemd/system");

/** The names of the unit files systemd lists under `root`. */
function listedBySystemd(): Promise<Set<string>> {
  const args = [`--root=${root}`, "list-unit-files", "--no-legend", "--no-pager", "--full"];
  return new Promise((resolve, reject) =>
    execFile(
      "systemctl",
      args,
      { timeout: 60_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, SYSTEMD_COLORS: "0" } },
      (error, stdout) =>
        error
          ? reject(error)
          : resolve(
              new Set(
                stdout
                  .split("\n")
                  .map((line) => line.split(/\s+/)[0]!)
                  .filter((name) => name !== ""),
              ),
            ),
    ),
  );
}

/** Each printable ASCII character but "/" (no file name holds one), and a few beyond ASCII. */
const characters = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).filter((c) => c !== "/"),
  "é",
  "ß",
  "→",
];

/** Each character at the start, middle and end of a name, and in an instance. */
const names = [
  ...new Set(
    characters
      .flatMap((c) => [`${c}a.service`, `a${c}b.service`, `a${c}.service`, `t@${c}x.service`, `t@x${c}.service`])
      .concat(["..a.service", "a..b.service", "a@b@c.service", "a\\x2db.service", "a\\q.service", "@a.service", "a@.service"]),
  ),
];

// Where the guard is stricter than systemd on purpose: a part that starts with "-" or "." (an
// option or a hidden file), "..", a backslash that is no \xNN escape, a second "@".
const DELIBERATE =
  /may not start with "-" or "\."|may not contain "\.\."|use only letters, digits, ":", "_", "\.", "-" and \\xNN escapes|more than one "@"/;
const DELIBERATE_CHARACTERS = /^[^\\]*\\(?!x[0-9A-Fa-f]{2})/;

test("the unit name guard accepts nothing systemd 252 refuses, and refuses what systemd accepts only on purpose", async () => {
  mkdirSync(dir, { recursive: true });
  for (const name of names) writeFileSync(join(dir, name), "[Service]\nExecStart=/bin/true\n");
  const accepted = await listedBySystemd();
  assert.ok(accepted.size > 50 && accepted.size < names.length, `systemd accepted ${accepted.size} of ${names.length} names`);

  const disagreements: string[] = [];
  for (const name of names) {
    const guard = checkUnitName(name);
    const systemdAccepts = accepted.has(name);
    if (guard.ok && !systemdAccepts) disagreements.push(`${JSON.stringify(name)}: the guard accepts what systemd refuses`);
    if (!guard.ok && systemdAccepts) {
      const onPurpose = DELIBERATE.test(guard.message) && (!/use only letters/.test(guard.message) || DELIBERATE_CHARACTERS.test(name));
      if (!onPurpose) disagreements.push(`${JSON.stringify(name)}: systemd accepts it, the guard says ${guard.message}`);
    }
  }
  assert.deepEqual(disagreements, []);
});
